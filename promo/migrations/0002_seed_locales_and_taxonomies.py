import uuid

from django.db import migrations

from promo.taxonomy_seed import CATEGORIES, COMMUNES, LOCALES, SECTORS


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Commune = apps.get_model("promo", "Commune")
    FormerCommuneName = apps.get_model("promo", "FormerCommuneName")
    Sector = apps.get_model("promo", "Sector")
    Category = apps.get_model("promo", "Category")

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}

    for slug, unit_type, names, former in COMMUNES:
        key = uuid.uuid4()
        for code, name in zip(LOCALES, names):
            commune, created = Commune.objects.get_or_create(
                slug=slug, locale=locales[code],
                defaults={"name": name, "unit_type": unit_type, "translation_key": key},
            )
            if created and code == "vi":
                for order, (former_name, primary) in enumerate(former):
                    FormerCommuneName.objects.create(
                        commune=commune, name=former_name, primary=primary, sort_order=order
                    )
    for slug, names in SECTORS:
        key = uuid.uuid4()
        for code, name in zip(LOCALES, names):
            Sector.objects.get_or_create(
                slug=slug, locale=locales[code], defaults={"name": name, "translation_key": key}
            )
    for kind, slug, names in CATEGORIES:
        key = uuid.uuid4()
        for code, name in zip(LOCALES, names):
            Category.objects.get_or_create(
                kind=kind, slug=slug, locale=locales[code],
                defaults={"name": name, "translation_key": key},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("promo", "0001_initial"),
        ("wagtailcore", "__latest__"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
