"""Dataset files and their metadata: licence, last change, publisher, the DCAT catalogue.

Built files are kept in the cache under the dataset's last change, so a download costs one
aggregate query until staff publish something (then the next one builds the file anew).
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, ModelLogEntry, PageLogEntry

from opendata import exports
from opendata.datasets import DATASETS

MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json"}
FORMAT_NAMES = {"csv": "CSV", "json": "JSON", "geojson": "GeoJSON"}
BUILD_CACHE_SECONDS = 600
CATALOGUE_TITLE = _("Dầu Tiếng open data")
CATALOGUE_DESCRIPTION = _(
    "Investment opportunities, local products, trade fairs, tourist "
    "attractions, itineraries and official documents of Dầu Tiếng, as "
    "open data files and a web API."
)


def license_url():
    return getattr(settings, "OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/")


def license_name():
    return getattr(settings, "OPEN_DATA_LICENSE_NAME", "CC BY 4.0")


def languages():
    return [code for code, _name in settings.LANGUAGES]


def dataset_modified(dataset):
    """Last change of the dataset: a publication, an unpublication, a deletion or a move of
    one of its pages (Wagtail's audit log), or an edit of a taxonomy its rows name."""
    model = dataset.model
    content_type = ContentType.objects.get_for_model(model)
    stamps = [
        PageLogEntry.objects.filter(content_type=content_type).aggregate(at=Max("timestamp"))["at"],
        ModelLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
        model.objects.aggregate(at=Max("last_published_at"))["at"],
    ]
    stamps = [s for s in stamps if s is not None]
    return max(stamps) if stamps else None


def meta(dataset, modified):
    return {
        "license": license_url(),
        "license_name": license_name(),
        "modified": modified.isoformat(timespec="seconds") if modified else None,
    }


def build(dataset, fmt, lang, request):
    """(bytes, modified) of one dataset file; lang: a language code or None (all)."""
    modified = dataset_modified(dataset)
    key = (
        "opendata:file:"
        + hashlib.sha256(
            "|".join(
                [
                    dataset.name,
                    fmt,
                    lang or "*",
                    modified.isoformat() if modified else "-",
                    license_url(),
                    request.get_host(),
                ]
            ).encode()
        ).hexdigest()
    )
    data = cache.get(key)
    if data is None:
        with translation.override(lang or settings.LANGUAGE_CODE):
            rows = dataset.rows(request, [lang] if lang else None)
            if fmt == "csv":
                data = exports.to_csv(dataset, rows)
            elif fmt == "json":
                data = exports.to_json(dataset, rows, meta(dataset, modified))
            else:
                locale = Locale.objects.filter(language_code=lang).first()
                data = (
                    exports.to_geojson(dataset, rows, locale, request, meta(dataset, modified))
                    if locale
                    else b'{"type":"FeatureCollection","features":[]}'
                )
        cache.set(key, data, BUILD_CACHE_SECONDS)
    return data, modified


def file_url(request, dataset, fmt, lang=None):
    url = request.build_absolute_uri(reverse("opendata_file", args=[dataset.name, fmt]))
    return f"{url}?lang={lang}" if lang else url


def _texts(value):
    """A lazy string in every site language, as JSON-LD language-tagged values."""
    out = []
    for code in languages():
        with translation.override(code):
            out.append({"@language": code, "@value": str(value)})
    return out


CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _date(value):
    return {"@value": value.isoformat(timespec="seconds"), "@type": "xsd:dateTime"}


def dcat_catalogue(request):
    """The DCAT (DCAT-AP style) catalogue of the datasets and the API, as JSON-LD with its
    context inline: a harvester needs no other document."""
    from wagtail.models import Site

    from feeds.common import office_name
    from home.models import ContactSettings

    site = Site.find_for_request(request)
    contact = ContactSettings.for_site(site) if site else None
    publisher = {
        "@id": request.build_absolute_uri("/") + "#publisher",
        "@type": "foaf:Organization",
        "foaf:name": office_name(request),
    }
    if contact and contact.email:
        publisher["foaf:mbox"] = {"@id": f"mailto:{contact.email}"}
    contact_point = {"@type": "vcard:Organization", "vcard:fn": publisher["foaf:name"]}
    if contact and contact.email:
        contact_point["vcard:hasEmail"] = {"@id": f"mailto:{contact.email}"}
    licence = {"@id": license_url()}
    page_url = request.build_absolute_uri(reverse("opendata_page"))
    datasets, latest = [], None
    for dataset in DATASETS:
        modified = dataset_modified(dataset)
        if modified and (latest is None or modified > latest):
            latest = modified
        distributions = []
        for fmt in dataset.formats:
            lang = settings.LANGUAGE_CODE if fmt == "geojson" else None
            url = file_url(request, dataset, fmt, lang)
            distribution = {
                "@id": url,
                "@type": "dcat:Distribution",
                "dct:title": f"{dataset.name}.{fmt}",
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
                "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[fmt]},
                "dct:format": FORMAT_NAMES[fmt],
                "dct:license": licence,
            }
            if lang:
                distribution["dct:language"] = lang
            if modified:
                distribution["dct:modified"] = _date(modified)
            distributions.append(distribution)
        entry = {
            "@id": f"{page_url}#{dataset.name}",
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.name,
            "dct:title": _texts(dataset.title),
            "dct:description": _texts(dataset.description),
            "dcat:keyword": list(dataset.keywords),
            "dct:language": languages(),
            "dct:publisher": {"@id": publisher["@id"]},
            "dct:license": licence,
            "dcat:contactPoint": contact_point,
            "dcat:landingPage": {"@id": page_url},
            "dct:spatial": "Dầu Tiếng, Thành phố Hồ Chí Minh, Việt Nam",
            "dcat:distribution": distributions,
        }
        if modified:
            entry["dct:modified"] = _date(modified)
        datasets.append(entry)
    api = request.build_absolute_uri("/api/v2/")
    catalogue = {
        "@context": CONTEXT,
        "@id": request.build_absolute_uri(reverse("opendata_dcat")),
        "@type": "dcat:Catalog",
        "dct:title": _texts(CATALOGUE_TITLE),
        "dct:description": _texts(CATALOGUE_DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:language": languages(),
        "foaf:homepage": {"@id": page_url},
        "dcat:dataset": datasets,
        "dcat:service": [
            {
                "@id": api,
                "@type": "dcat:DataService",
                "dct:title": "Dầu Tiếng headless API (Wagtail API v2) and search API",
                "dcat:endpointURL": {"@id": api},
                "dcat:endpointDescription": {"@id": request.build_absolute_uri(reverse("openapi"))},
                "dcat:servesDataset": [{"@id": d["@id"]} for d in datasets],
                "dct:license": licence,
            }
        ],
    }
    if latest:
        catalogue["dct:modified"] = _date(latest)
    return catalogue, latest
