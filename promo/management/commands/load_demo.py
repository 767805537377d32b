"""Bring a fresh database to a browsable demo site: skeleton, catalogue, pictures, footer links,
contact details, an admin login and the search index. Safe to run again."""

import secrets
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from home.models import ContactSettings, LinkGroup, LinkGroupItem, OfficeContact
from portal.demo import ensure_documents, ensure_organisation_page
from promo.catalogue.importer import ImportFailed, import_records
from promo.catalogue.parse import parse_file
from promo.catalogue.site import ensure_site
from promo.demo import site_texts
from promo.demo.images import SIZE as DEMO_IMAGE_SIZE
from promo.demo.images import alt_text, make_demo_image, scene_for
from promo.demo.investment import ensure_decree_31, load_investment_demo
from promo.imported_translations import record_translations
from promo.models import CATALOGUE_MODELS
from promo.progress import progress_printer

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"
# catalogue.jsonl holds the Vietnamese and English lines, catalogue.<locale>.jsonl the others.
DEMO_FILE = DEMO_DIR / "catalogue.jsonl"
DEMO_FILES = [DEMO_FILE, *sorted(DEMO_DIR.glob("catalogue.*.jsonl"))]
# Visit facts of the demo attractions and fairs (hours, fees, routes, exhibitors…), by ref.
VISIT_FACTS_FILE = DEMO_DIR / "visit-facts.jsonl"
# The names the office has before anyone edits it (home migration 0002): the demo replaces them.
DEFAULT_OFFICE_NAMES = {
    "Văn phòng Xúc tiến Thương mại và Đầu tư",
    "Trade and Investment Promotion Office",
    "Trade and Investment Promotion Office (sample)",
}


# Wagtail's per-page index tasks that a full `update_index` + `rebuild_references_index` covers.
INDEX_TASK_PATHS = (
    "modelsearch.tasks.insert_or_update_object_task",
    "wagtail.tasks.update_reference_index_task",
)


def drop_queued_index_tasks(before):
    """Delete the index tasks still waiting that were queued before a full rebuild started."""
    waiting = DBTaskResult.objects.ready().filter(task_path__in=INDEX_TASK_PATHS, enqueued_at__lte=before)
    return waiting.delete()[0]


class Command(BaseCommand):
    help = "Load the demo catalogue, pictures and site settings into this database."

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            action="append",
            dest="files",
            help="Catalogue JSON Lines to load (repeat for several; default: the demo "
            "catalogue in promo/demo/, all languages).",
        )
        parser.add_argument("--no-images", action="store_true", help="Skip generated pictures.")
        parser.add_argument("--no-admin", action="store_true", help="Do not create an admin login.")

    def handle(self, *args, **options):
        started = time.monotonic()
        ensure_site()
        paths = [Path(name) for name in options["files"]] if options["files"] else DEMO_FILES
        records, problems = [], []
        for path in paths:
            try:
                with path.open("rb") as stream:
                    file_records, file_problems = parse_file(stream)
            except OSError as exc:
                raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
            records += file_records
            problems += [f"{path}: {problem}" for problem in file_problems]
        path = ", ".join(p.name for p in paths)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} problem(s) in the catalogue; nothing was loaded.")
        if not options["files"]:
            self.merge_visit_facts(records)
        try:
            summary = import_records(records, progress=self._progress("catalogue"))
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(f"{path}: {len(exc.problems)} problem(s); nothing was loaded.") from exc
        # Investment opportunities and their deal facts: promo/demo/investment.py
        summary_investment = load_investment_demo(
            progress=self._progress("investment"), pictures=not options["no_images"]
        )
        summary.created += summary_investment.created
        summary.updated += summary_investment.updated
        summary.unchanged += summary_investment.unchanged
        pictures = 0 if options["no_images"] else self.add_pictures() + self.add_home_picture()
        from promo.demo.itineraries import load_itineraries

        trips = load_itineraries(with_pictures=not options["no_images"])
        self.stderr.write(f"  itineraries {trips}")
        # Decree 42/2022 asks a public portal for its organisation, contacts and documents.
        ensure_organisation_page()
        ensure_documents()
        ensure_decree_31()
        self.add_site_settings()
        login = "" if options["no_admin"] else self.ensure_admin()
        # Wagtail queues its admin search and reference index updates as background tasks, one
        # per page saved. Rebuilding both at once makes the demo usable in the admin without a
        # worker, and makes those queued tasks redundant: they are dropped, or the first worker
        # would spend a minute redoing the rebuild one page at a time.
        rebuild_started = timezone.now()
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        drop_queued_index_tasks(before=rebuild_started)
        try:
            call_command("search_index", "rebuild", stdout=self.stdout, stderr=self.stderr)
        except Exception as exc:  # the site still works; search can be rebuilt later
            self.stderr.write(f"search index not built: {exc}")
        self.stdout.write(
            f"Demo ready in {time.monotonic() - started:.0f}s: {summary.total} catalogue lines "
            f"({summary.created} new), {pictures} pictures.{login}"
        )

    def merge_visit_facts(self, records):
        from promo.demo.overlay import merge_overlay

        with VISIT_FACTS_FILE.open("rb") as stream:
            problems = merge_overlay(records, stream, VISIT_FACTS_FILE.name)
        if problems:
            for problem in problems:
                self.stderr.write(f"{VISIT_FACTS_FILE}: {problem}")
            raise CommandError(f"{VISIT_FACTS_FILE}: {len(problems)} problem(s); nothing was loaded.")

    def _progress(self, what):
        return progress_printer(self.stderr, what)

    @transaction.atomic
    def add_pictures(self):
        """A painted picture per item (promo.demo.images), described in each language; the
        translations stay in step with their source for wagtail-localize."""
        Image = get_image_model()
        made = 0
        sources = [
            page
            for model in CATALOGUE_MODELS.values()
            for page in model.objects.filter(locale__language_code="vi", hero_image=None)
        ]
        for done, page in enumerate(sources, 1):
            category = _category_code(page)
            scene = scene_for(page.ref, page.kind, category)
            data = make_demo_image(page.ref, page.kind, size=DEMO_IMAGE_SIZE, category=category)
            image = Image(title=page.title)
            image.file = ImageFile(_named_bytes(data, f"{page.ref}.jpg"), name=f"{page.ref}.jpg")
            image.save()
            translations = list(page.get_translations(inclusive=True).specific().select_related("locale"))
            for translation in sorted(translations, key=lambda t: t.locale.language_code != "vi"):
                translation.hero_image = image
                translation.hero_alt = alt_text(scene, translation.locale.language_code)
                translation.save_revision().publish()
            record_translations([t for t in translations if t.locale.language_code != "vi"])
            made += 1
            self._progress("pictures")(done, len(sources))
        return made

    def add_home_picture(self):
        """The home page's banner: Núi Cậu over the lake, described in each language."""
        from home.models import HomePage

        homes = list(HomePage.objects.select_related("locale"))
        if not homes or any(home.hero_image_id for home in homes):
            return 0
        data = make_demo_image("home", "attraction", size=DEMO_IMAGE_SIZE)
        image = get_image_model()(title="Núi Cậu – Dầu Tiếng")
        image.file = ImageFile(_named_bytes(data, "home.jpg"), name="home.jpg")
        image.save()
        for home in homes:
            home.hero_image = image
            home.hero_alt = alt_text("hills_lake", home.locale.language_code)
            home.save_revision().publish()
        return 1

    def add_site_settings(self):
        """Contact details and footer link groups in the five languages (promo.demo.site_texts);
        what staff have already set is kept."""
        site = Site.objects.get(is_default_site=True)
        contact = ContactSettings.for_site(site)
        if not contact.email:
            contact.phone, contact.email = site_texts.PHONE, site_texts.EMAIL
            contact.save()
        locales = {code: Locale.objects.get(language_code=code) for code in site_texts.LANGUAGES}
        source = OfficeContact.objects.filter(locale=locales["vi"]).first()
        for code in site_texts.LANGUAGES:
            name, address, hours = site_texts.OFFICE[code]
            office = OfficeContact.objects.filter(locale=locales[code]).first()
            if office is None:
                office = OfficeContact(locale=locales[code])
                if source is not None:
                    office.translation_key = source.translation_key
            elif office.office_name not in DEFAULT_OFFICE_NAMES:
                continue  # staff's own details
            office.office_name, office.address, office.office_hours = name, address, hours
            office.save()
            source = source or office
        for order, (titles, links) in enumerate(site_texts.LINK_GROUPS):
            source = None
            for code, title in titles.items():
                group = LinkGroup.objects.filter(locale=locales[code], sort_order=order).first()
                if group is None:
                    group = LinkGroup(title=title, sort_order=order, locale=locales[code])
                    if source is not None:
                        group.translation_key = source.translation_key
                    group.save()
                    for position, (labels, url) in enumerate(links):
                        LinkGroupItem.objects.create(
                            group=group, label=labels[code], url=url, sort_order=position
                        )
                source = source or group

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return " Admin login: admin (existing password; `manage.py changepassword admin`)."
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@dautieng-promo.example", password)
        return f"\n  Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}"


def _category_code(page):
    """The code of the item's category (or an investment's sector), for choosing its picture."""
    value = getattr(page, "sector", None) or getattr(page, "category", None)
    return getattr(value, "slug", value) or None


def _named_bytes(data, name):
    import io

    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer
