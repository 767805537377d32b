from django.db import migrations


def create_roles(apps, schema_editor):
    from staff.setup import ensure_roles

    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    # Page permissions and the workflow's pages are attached by staff.setup at run time,
    # once the section pages exist.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
