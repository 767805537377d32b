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
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from home.models import ContactSettings, LinkGroup, LinkGroupItem
from portal.demo import ensure_documents, ensure_organisation_page
from promo.catalogue.importer import ImportFailed, import_records
from promo.catalogue.parse import parse_file
from promo.catalogue.site import ensure_site
from promo.demo.images import make_demo_image
from promo.demo.investment import ensure_decree_31, load_investment_demo
from promo.models import CATALOGUE_MODELS

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "catalogue.jsonl"
# Visit facts of the demo attractions and fairs (hours, fees, routes, exhibitors…), by ref.
VISIT_FACTS_FILE = DEMO_FILE.with_name("visit-facts.jsonl")

ILLUSTRATION = {
    "vi": "Ảnh minh họa: {}", "en": "Illustration: {}", "ko": "일러스트: {}",
    "ja": "イラスト: {}", "zh-hans": "示意图：{}",
}

# The district portal's three link blocks, with the agencies' public portals.
LINK_GROUPS = [
    ({"vi": "Liên kết website", "en": "Websites", "ko": "관련 웹사이트", "ja": "関連サイト",
      "zh-hans": "网站链接"},
     [("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
      ("Cổng thông tin điện tử TP. Hồ Chí Minh", "https://www.hochiminhcity.gov.vn/")]),
    ({"vi": "Các Sở, Ban ngành", "en": "Departments and agencies", "ko": "각 부처 및 기관",
      "ja": "各部局・機関", "zh-hans": "各厅局及部门"},
     [("Trung tâm Xúc tiến Thương mại và Đầu tư TP.HCM (ITPC)", "https://itpc.hochiminhcity.gov.vn/"),
      ("Sở Du lịch TP.HCM", "https://sodulich.hochiminhcity.gov.vn/")]),
    ({"vi": "Các Trang khác", "en": "Other sites", "ko": "기타 사이트", "ja": "その他のサイト",
      "zh-hans": "其他网站"},
     [("Chương trình OCOP (sample)", "https://dautieng-promo.example/ocop"),
      ("Du lịch Núi Cậu – Dầu Tiếng (sample)", "https://dautieng-promo.example/du-lich")]),
]


class Command(BaseCommand):
    help = "Load the demo catalogue, pictures and site settings into this database."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEMO_FILE), help="Catalogue JSON Lines to load.")
        parser.add_argument("--no-images", action="store_true", help="Skip generated pictures.")
        parser.add_argument("--no-admin", action="store_true", help="Do not create an admin login.")

    def handle(self, *args, **options):
        started = time.monotonic()
        ensure_site()
        path = Path(options["file"])
        try:
            with path.open("rb") as stream:
                records, problems = parse_file(stream)
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        if problems:
            for problem in problems:
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(f"{path}: {len(problems)} problem(s); nothing was loaded.")
        if path == DEMO_FILE:
            self.merge_visit_facts(records)
        try:
            summary = import_records(records, progress=self._progress("catalogue"))
        except ImportFailed as exc:
            for problem in exc.problems:
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(f"{path}: {len(exc.problems)} problem(s); nothing was loaded.") from exc
        # Investment opportunities and their deal facts: promo/demo/investment.py
        summary_investment = load_investment_demo(progress=self._progress("investment"),
                                                  pictures=not options["no_images"])
        summary.created += summary_investment.created
        summary.updated += summary_investment.updated
        summary.unchanged += summary_investment.unchanged
        pictures = 0 if options["no_images"] else self.add_pictures()
        from promo.demo.itineraries import load_itineraries

        trips = load_itineraries(with_pictures=not options["no_images"])
        self.stderr.write(f"  itineraries {trips}")
        # Decree 42/2022 asks a public portal for its organisation, contacts and documents.
        ensure_organisation_page()
        ensure_documents()
        ensure_decree_31()
        self.add_site_settings()
        login = "" if options["no_admin"] else self.ensure_admin()
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
        def report(done, total):
            if done == total or done % 50 == 0:
                self.stderr.write(f"  {what} {done}/{total}")
        return report

    @transaction.atomic
    def add_pictures(self):
        Image = get_image_model()
        made = 0
        sources = [page for model in CATALOGUE_MODELS.values()
                   for page in model.objects.filter(locale__language_code="vi", hero_image=None)]
        for done, page in enumerate(sources, 1):
            data = make_demo_image(page.ref, page.kind, page.title)
            image = Image(title=page.title)
            image.file = ImageFile(_named_bytes(data, f"{page.ref}.png"), name=f"{page.ref}.png")
            image.save()
            for translation in page.get_translations(inclusive=True).specific():
                code = translation.locale.language_code
                translation.hero_image = image
                translation.hero_alt = ILLUSTRATION.get(code, "{}").format(translation.title)
                translation.save_revision().publish()
            made += 1
            self._progress("pictures")(done, len(sources))
        return made

    def add_site_settings(self):
        site = Site.objects.get(is_default_site=True)
        contact = ContactSettings.for_site(site)
        if not contact.email:
            contact.office_name = "Trade and Investment Promotion Office (sample)"
            contact.address = "Dầu Tiếng, Hồ Chí Minh City, Viet Nam"
            contact.phone = "+84 000 000 000"
            contact.email = "promotion@dautieng-promo.example"
            contact.save()
        for order, (titles, links) in enumerate(LINK_GROUPS):
            source = None
            for code, title in titles.items():
                locale = Locale.objects.get(language_code=code)
                if LinkGroup.objects.filter(locale=locale, sort_order=order).exists():
                    continue
                group = LinkGroup(title=title, sort_order=order, locale=locale)
                if source is not None:
                    group.translation_key = source.translation_key
                group.save()
                for position, (label, url) in enumerate(links):
                    LinkGroupItem.objects.create(group=group, label=label, url=url,
                                                 sort_order=position)
                source = source or group

    def ensure_admin(self):
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            return " Admin login: admin (existing password; `manage.py changepassword admin`)."
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@dautieng-promo.example", password)
        return f"\n  Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}"


def _named_bytes(data, name):
    import io

    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer
