"""`manage.py catalogue import FILE.jsonl` and `manage.py catalogue export [...]`."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from promo.catalogue import spec
from promo.catalogue.exporter import export_lines
from promo.catalogue.importer import ImportFailed, import_records
from promo.catalogue.parse import parse_file
from promo.progress import progress_printer


class Command(BaseCommand):
    help = "Import or export the catalogue as JSON Lines (see docs/catalogue-format.md)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Load a JSON Lines file (all or nothing).")
        imp.add_argument("file", help="Path to a .jsonl file, or - for standard input.")
        imp.add_argument("--check", action="store_true", help="Only check the file; change nothing.")
        exp = sub.add_parser("export", help="Write live pages as JSON Lines.")
        exp.add_argument("--kind", action="append", choices=spec.KINDS, help="Only this kind (may repeat).")
        exp.add_argument(
            "--locale", action="append", choices=spec.LOCALES, help="Only this locale (may repeat)."
        )
        exp.add_argument("--output", "-o", help="Write to this file instead of standard output.")

    def handle(self, *args, **options):
        if options["action"] == "import":
            return self.do_import(options["file"], options["check"])
        return self.do_export(options["kind"], options["locale"], options["output"])

    def do_import(self, path, check_only):
        started = time.monotonic()
        try:
            stream = sys.stdin.buffer if path == "-" else open(path, "rb")
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        with stream:
            records, problems = parse_file(stream)
        if not problems and not records:
            problems_text = f"{path}: no catalogue lines found"
            raise CommandError(problems_text)
        if not problems and check_only:
            from promo.catalogue.importer import check_against_site
            from promo.catalogue.taxonomy import TaxonomyResolver

            problems = check_against_site(records, TaxonomyResolver())
        if not problems and not check_only:
            try:
                summary = import_records(records, progress=progress_printer(self.stderr, "importing"))
            except ImportFailed as exc:
                problems = exc.problems
        if problems:
            for problem in sorted(problems, key=lambda p: (p.line, p.key)):
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(f"{path}: {len(problems)} problem(s); nothing was imported.")
        if check_only:
            self.stdout.write(f"{path}: {len(records)} lines are valid; nothing was imported.")
            return
        elapsed = time.monotonic() - started
        kinds = ", ".join(f"{kind} {sum(c.values())}" for kind, c in summary.by_kind.items())
        self.stdout.write(
            f"Imported {summary.total} lines from {path} in {elapsed:.1f}s: "
            f"{summary.created} created, {summary.updated} updated, "
            f"{summary.unchanged} unchanged ({kinds}); the write transaction took "
            f"{summary.write_seconds:.1f}s."
        )

    def do_export(self, kinds, locales, output):
        count = 0
        try:
            out = open(output, "w", encoding="utf-8") if output else self.stdout._out
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from exc
        try:
            for line in export_lines(kinds=kinds, locales=locales):
                out.write(line + "\n")
                count += 1
        finally:
            if output:
                out.close()
        self.stderr.write(f"Exported {count} lines{' to ' + output if output else ''}.")
