"""The office's name and address become a translatable snippet, one per language.

The values the site setting held move to the Vietnamese and English versions (the two languages
that must always exist); a site without them gets the office's default names."""

import django.db.models.deletion
import uuid
from django.db import migrations, models

DEFAULT_NAMES = {"vi": "Văn phòng Xúc tiến Thương mại và Đầu tư", "en": "Trade and Investment Promotion Office"}
OLD_DEFAULT = "Trade and Investment Promotion Office"


def move_to_snippet(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ContactSettings = apps.get_model("home", "ContactSettings")
    OfficeContact = apps.get_model("home", "OfficeContact")
    if OfficeContact.objects.exists():
        return
    current = ContactSettings.objects.order_by("pk").first()
    key = uuid.uuid4()
    for code, default in DEFAULT_NAMES.items():
        locale, _created = Locale.objects.get_or_create(language_code=code)
        name = current.office_name if current and current.office_name != OLD_DEFAULT else default
        OfficeContact.objects.create(locale=locale, translation_key=key, office_name=name,
                                     address=current.address if current else "")


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0001_initial'),
        ('promo', '0002_seed_locales_and_taxonomies'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='OfficeContact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('office_name', models.CharField(max_length=200, verbose_name='office')),
                ('address', models.TextField(blank=True, verbose_name='address')),
                ('office_hours', models.CharField(blank=True, max_length=200, verbose_name='office hours')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'office name and address',
                'verbose_name_plural': 'office name and address',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.RunPython(move_to_snippet, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='contactsettings',
            name='address',
        ),
        migrations.RemoveField(
            model_name='contactsettings',
            name='office_name',
        ),
    ]
