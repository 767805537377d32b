"""The search log becomes one row per day, normalised query and language (issue 12): existing
single-search rows are added up into it, with personal data redacted, then dropped."""
from collections import Counter

from django.db import migrations, models
from django.utils import timezone


def aggregate_old_rows(apps, schema_editor):
    from search.searchlog import normalise

    old = apps.get_model("catalogue_search", "SearchQueryLog")
    new = apps.get_model("catalogue_search", "SearchQueryDay")
    counts, zero = Counter(), Counter()
    for query, lang, results, created in old.objects.values_list(
            "query", "lang", "results", "created_at").iterator(chunk_size=2000):
        text = normalise(query)
        if not text:
            continue
        key = (timezone.localtime(created).date() if timezone.is_aware(created) else created.date(),
               text, lang[:10])
        counts[key] += 1
        zero[key] += 0 if results else 1
    new.objects.bulk_create(
        [new(day=day, query=query, lang=lang, count=n, zero_results=zero[(day, query, lang)])
         for (day, query, lang), n in counts.items()], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue_search', '0002_seed_synonyms'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchQueryDay',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField()),
                ('query', models.CharField(max_length=200)),
                ('lang', models.CharField(max_length=10)),
                ('count', models.PositiveIntegerField(default=0)),
                ('zero_results', models.PositiveIntegerField(default=0)),
            ],
            options={
                'ordering': ['-day', '-count'],
            },
        ),
        migrations.AddIndex(
            model_name='searchqueryday',
            index=models.Index(fields=['day', 'lang'], name='catalogue_s_day_8c8d93_idx'),
        ),
        migrations.AddConstraint(
            model_name='searchqueryday',
            constraint=models.UniqueConstraint(fields=('day', 'query', 'lang'), name='search_query_day_unique'),
        ),
        migrations.RunPython(aggregate_old_rows, migrations.RunPython.noop),
        migrations.DeleteModel(
            name='SearchQueryLog',
        ),
    ]
