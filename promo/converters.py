"""URL converters for ids: digits only and at most the database's largest id, so that
`/enquiries/interest/99999999999999999999999/` is a 404 instead of a driver overflow."""

from django.urls import register_converter

from promo.limits import MAX_DATABASE_ID


class DatabaseIdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_DATABASE_ID:
            raise ValueError("larger than any database id")  # Django: no match, so a 404
        return number

    def to_url(self, value):
        return str(int(value))


register_converter(DatabaseIdConverter, "id")
