"""English commune names keep their Vietnamese spelling ("Dầu Tiếng Commune", never "Dau Tieng
Commune"), like every proper name on the site. Only names still as first seeded are changed."""
from django.db import migrations

RENAMES = {
    "Dau Tieng Commune": "Dầu Tiếng Commune",
    "Long Hoa Commune": "Long Hòa Commune",
    "Minh Thanh Commune": "Minh Thạnh Commune",
    "Tay Nam Ward": "Tây Nam Ward",
}


def rename(apps, schema_editor):
    Commune = apps.get_model("promo", "Commune")
    for old, new in RENAMES.items():
        Commune.objects.filter(locale__language_code="en", name=old).update(name=new)


def restore(apps, schema_editor):
    Commune = apps.get_model("promo", "Commune")
    for old, new in RENAMES.items():
        Commune.objects.filter(locale__language_code="en", name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [("promo", "0003_title_sort_key")]
    operations = [migrations.RunPython(rename, restore)]
