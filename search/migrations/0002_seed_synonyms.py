from django.db import migrations

from promo.taxonomy_seed import SYNONYM_GROUPS


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("catalogue_search", "SynonymGroup")
    for terms in SYNONYM_GROUPS:
        SynonymGroup.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("catalogue_search", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
