"""`manage.py search_index rebuild|sync|status` — the staff-facing handle on the search index."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.timezone import now

from promo.locks import add_wait_argument, single_run
from promo.progress import progress_printer
from search.engines.base import EngineUnavailable
from search.indexing import (
    all_live_documents,
    apply_pending,
    count_live_documents,
    indexing_engines,
)


class Command(BaseCommand):
    help = "Rebuild the search index from the database, apply pending updates, or report status."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "status"])
        parser.add_argument("--engine", help="Only this engine (sqlite or elasticsearch).")
        add_wait_argument(parser)

    def engines(self, only):
        engines = [(name, engine) for name, engine in indexing_engines() if not only or name == only]
        if not engines:
            raise CommandError(f"no configured engine is called {only!r}")
        return engines

    # One sync or rebuild at a time across servers (cron starts it on each; promo/locks.py).
    @single_run("search_index {action}", when=lambda options: options["action"] != "status")
    def handle(self, *args, action, engine=None, **options):
        return getattr(self, action)(self.engines(engine))

    def rebuild(self, engines):
        from search.models import PendingUpdate

        total = sum(count_live_documents().values())
        failed = []
        for name, engine in engines:
            started = time.monotonic()
            started_at = now()
            try:
                count = engine.rebuild(all_live_documents(), total=total, progress=self._bar(name))
            except EngineUnavailable as exc:
                self.stderr.write(f"\n{name}: not rebuilt, engine unavailable: {exc}")
                failed.append(name)
                continue
            # Everything the rebuild read is in the new index; what changed while it ran went to
            # the index it replaced, so apply those changes again.
            PendingUpdate.objects.filter(engine=name, created_at__lt=started_at).delete()
            PendingUpdate.objects.filter(engine=name, created_at__gte=started_at).update(applied_at=None)
            apply_pending()
            elapsed = time.monotonic() - started
            rate = count / elapsed if elapsed else 0
            self.stdout.write(
                f"{name}: rebuilt {count} documents in {elapsed:.1f}s ({rate:,.0f} documents/s)."
            )
        if failed:
            raise CommandError(f"rebuild failed for {', '.join(failed)}; the old index is intact.")

    def _bar(self, name):
        return progress_printer(self.stderr, name)

    def sync(self, engines):
        from search import searchlog

        applied, pending = apply_pending(
            progress=lambda name, n: self.stderr.write(f"{name}: applied {n} updates")
        )
        # The cron job that runs this every few minutes also keeps the search log's retention.
        purged = searchlog.purge()
        self.stdout.write(
            f"Applied {applied} pending updates; {pending} still pending"
            + (f"; {purged} search log rows past retention deleted." if purged else ".")
        )
        if pending:
            raise CommandError(f"{pending} updates could not be applied (engine unavailable?)")

    def status(self, engines):
        from search.models import PendingUpdate

        live = count_live_documents()
        healthy = True
        for name, engine in engines:
            health = engine.health()
            healthy &= health.ok
            pending = PendingUpdate.objects.filter(engine=name, applied_at=None).count()
            self.stdout.write(
                f"{name}: {'ok' if health.ok else 'UNAVAILABLE'} — {health.detail}; {pending} pending updates"
            )
            for node in health.nodes:  # Elasticsearch: each configured node on its own
                self.stdout.write(
                    f"  node {node['url']}: {'up' if node['ok'] else 'DOWN'} — "
                    f"{node['detail']} ({node['ms']:.0f} ms)"
                )
            for code in sorted(set(live) | set(health.documents)):
                indexed = health.documents.get(code, 0)
                flag = "" if indexed == live.get(code, 0) else "  (differs)"
                self.stdout.write(f"  {code:8} live pages {live.get(code, 0):6}  indexed {indexed:6}{flag}")
        if not healthy:
            raise CommandError("an engine is unavailable")
