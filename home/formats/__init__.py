"""Date and number formats where Django's own do not give the one style this site uses per
language (FORMAT_MODULE_PATH); Japanese and Chinese use Django's. Numbers: promo_tags.number
groups thousands in every language; money: promo_tags.vnd / usd, worded in the catalogues.

    vi  05/04/2026          150.000 đ       12,5 ha      (day/month/year, as on Vietnamese portals)
    en  5 April 2026        150,000 VND     12.5 ha      (British English, as the site's text)
    ko  2026년 4월 5일        150,000동        12.5 ha
    ja  2026年4月5日          150,000ドン      12.5 ha
    zh  2026年4月5日          150,000越南盾    12.5 ha
"""
