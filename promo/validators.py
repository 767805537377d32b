"""Control characters: one rule for every entrance (catalogue importer, spreadsheets, admin
forms, visitors' forms).

C0 control characters (U+0000–U+001F) and DEL are invisible, break XML (feeds, sitemaps),
iCalendar and CSV, and PostgreSQL refuses NUL outright. Only line breaks are allowed, and only
in long text (a summary, a body, a message); a title or a name is one line.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_MULTILINE = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]")


def find_control_character(value, multiline=False):
    """(position from 1, character) of the first character `value` may not hold, or None."""
    if not isinstance(value, str):
        return None
    found = (_MULTILINE if multiline else _SINGLE_LINE).search(value)
    return (found.start() + 1, found.group()) if found else None


def describe(found, english=False):
    """The problem in words: translated for forms, English for the catalogue format's
    messages (which are all English)."""
    position, char = found
    if char in "\r\n":
        message = gettext_noop("must be a single line (line break at character %(position)d)")
    else:
        message = gettext_noop("contains the control character U+%(code)04X at character %(position)d")
    return (message if english else _(message)) % {"code": ord(char), "position": position}


class NoControlCharacters:
    """A Django validator; `multiline` allows line breaks."""

    def __init__(self, multiline=False):
        self.multiline = multiline

    def __call__(self, value):
        found = find_control_character(value, self.multiline)
        if found:
            raise ValidationError(describe(found), code="control_character")

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters) and other.multiline == self.multiline

    def deconstruct(self):
        return ("promo.validators.NoControlCharacters", (), {"multiline": self.multiline})


single_line = NoControlCharacters(multiline=False)
multiline = NoControlCharacters(multiline=True)

# Apps whose models hold what staff and visitors type, plus Wagtail's page fields (title, slug,
# SEO title, description) which every page form edits.
GUARDED_APPS = ("promo", "home", "portal", "enquiries", "catalogue_search", "staff")


def guard_text_fields():
    """Add the rule to every CharField (one line) and TextField (line breaks allowed) of the
    guarded models, so every model form and every `full_clean()` applies it.

    The validator is added to the field's runtime list, not its constructor arguments: it is
    the same rule for every field, and declaring it on each (including Wagtail's own Page
    fields) would only write it into migrations.
    """
    from django.apps import apps
    from wagtail.models import Page

    targets = [Page]
    for config in apps.get_app_configs():
        if config.label in GUARDED_APPS:
            targets.extend(config.get_models())
    for model in targets:
        for field in model._meta.get_fields():
            if (
                getattr(field, "concrete", False)
                and not field.is_relation
                and isinstance(field, (models.CharField, models.TextField))
            ):
                rule = multiline if isinstance(field, models.TextField) else single_line
                if rule not in field.validators:
                    field.validators.append(rule)
