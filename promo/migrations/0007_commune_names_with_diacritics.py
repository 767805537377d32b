"""Commune names keep their Vietnamese spelling in one convention in every language: English
"Dầu Tiếng Commune" (never "Dau Tieng Commune"), Japanese and Chinese "Dầu Tiếng社" (no space, as
in "Dầu Tiếng湖"). Only names still as first seeded are changed."""
from django.db import migrations

RENAMES = {
    "Dau Tieng Commune": "Dầu Tiếng Commune",
    "Long Hoa Commune": "Long Hòa Commune",
    "Minh Thanh Commune": "Minh Thạnh Commune",
    "Tay Nam Ward": "Tây Nam Ward",
}


CJK = ("ja", "zh-hans")
UNIT_WORDS = (" 社", " 坊")


def rename(apps, schema_editor):
    Commune = apps.get_model("promo", "Commune")
    for old, new in RENAMES.items():
        Commune.objects.filter(locale__language_code="en", name=old).update(name=new)
    for commune in Commune.objects.filter(locale__language_code__in=CJK):
        for word in UNIT_WORDS:
            if commune.name.endswith(word):
                commune.name = commune.name.removesuffix(word) + word.strip()
                commune.save(update_fields=["name"])


def restore(apps, schema_editor):
    Commune = apps.get_model("promo", "Commune")
    for old, new in RENAMES.items():
        Commune.objects.filter(locale__language_code="en", name=new).update(name=old)


class Migration(migrations.Migration):
    dependencies = [("promo", "0006_title_sort_key")]
    operations = [migrations.RunPython(rename, restore)]
