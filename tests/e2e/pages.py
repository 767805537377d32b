"""The pages every browser check covers: home, each section index, one detail page of each kind,
the search page and a form, in any of the five languages (vi and en by default), and the
official pages every footer links: privacy notice and accessibility statement."""

LANGUAGES = ("vi", "en", "ko", "ja", "zh-hans")
SECTIONS = {
    "vi": ["san-pham", "hoi-cho", "du-lich", "dau-tu", "tin-tuc"],
    **{lang: ["products", "fairs", "tourism", "investment", "news"] for lang in LANGUAGES[1:]},
}
DETAILS = {  # one item of each kind from the demo catalogue (promo/demo/catalogue.jsonl)
    "product": "tranh-go-cao-su-khac-laser",
    "fair": "ngay-hoi-leo-nui-cau-2026",
    "attraction": "nui-cau",
    "investment": None,  # first item of the section, see below
    "news": "ke-hoach-thong-tin-doi-ngoai-2022",
}
# Decree 42/2022 pages: organisation and contacts, documents and one document
OFFICIAL = {
    "vi": ["to-chuc-lien-he", "van-ban", "van-ban/ke-hoach-64-kh-ubnd-2022"],
    **{
        lang: ["organisation-contacts", "documents", "documents/plan-64-kh-ubnd-2022"]
        for lang in LANGUAGES[1:]
    },
}
KIND_SECTION = {"product": 0, "fair": 1, "attraction": 2, "investment": 3, "news": 4}


def checked_paths(lang, investment_ref, form_path=None):
    sections = SECTIONS[lang]
    paths = [f"/{lang}/"] + [f"/{lang}/{s}/" for s in sections]
    for kind, ref in DETAILS.items():
        ref = ref or investment_ref
        paths.append(f"/{lang}/{sections[KIND_SECTION[kind]]}/{ref}/")
    paths.append(f"/{lang}/search/?q=nui+cau")
    paths.append(f"/{lang}/search/?q=karaoke")
    paths.append(f"/{lang}/search/?q=n%C3%BAi+c%E1%BA%A1u")  # "did you mean" núi Cậu
    paths.append(f"/{lang}/search/?q=nui+c")  # the last word read as a prefix
    paths.append(f"/{lang}/search/?q=64%2FKH-UBND")  # official documents among the results
    paths += [f"/{lang}/{p}/" for p in OFFICIAL[lang]]
    paths += [f"/{lang}/privacy/", f"/{lang}/accessibility/"]
    if form_path:
        paths.append(f"/{lang}{form_path}")
    return paths
