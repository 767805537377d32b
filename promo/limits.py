"""The bounds of values, written once: the catalogue format (promo.catalogue.spec), the page
models and the URL converters read them from here, so what one accepts the others store.
"""

# Ids are signed 64-bit integers in SQLite and PostgreSQL (bigint): a larger number in a URL
# names nothing, and must be a 404, not an overflow in the database driver.
MAX_DATABASE_ID = 2**63 - 1

# Amounts in đồng (prices, tickets, capital): 10^16 VND is some 400 million US dollars, above
# any item this catalogue lists and well inside a 64-bit integer.
MAX_VND = 10**16

# Web addresses (registration links …): long enough for tracking parameters, short enough for
# a listing or a calendar entry.
URL_MAX_LENGTH = 500
