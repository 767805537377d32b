"""Sets of weekdays and of months stored as bit masks: one small integer column that SQL can
test (`days & 4 != 0`), edited as a row of checkboxes."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _


class BitSetFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, labels, **kwargs):
        kwargs.pop("max_value", None)
        kwargs.pop("min_value", None)
        kwargs.pop("choices", None)
        kwargs.pop("coerce", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=[(str(i), label) for i, label in enumerate(labels)], coerce=int, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return [str(i) for i in range(len(self.choices)) if value & (1 << i)]
        return value

    def clean(self, value):
        members = super().clean(value)
        return sum(1 << int(i) for i in set(members))

    def has_changed(self, initial, data):
        initial_set = set(self.prepare_value(initial or 0))
        return initial_set != set(data or [])


class BitSetField(models.PositiveIntegerField):
    labels: tuple = ()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", 0)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value is not None and value >= (1 << len(self.labels)):
            raise ValidationError(_("Unknown member in the set."), code="invalid")

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": BitSetFormField, "labels": self.labels, **kwargs})


class WeekdaysField(BitSetField):
    """Bit 0 is Monday, as Python's `date.weekday()` counts."""

    labels = tuple(WEEKDAYS[i] for i in range(7))


class MonthsField(BitSetField):
    """Bit 0 is January."""

    labels = tuple(MONTHS[i] for i in range(1, 13))


def members(mask, size):
    return [i for i in range(size) if mask & (1 << i)]


def mask_of(indexes):
    return sum(1 << i for i in set(indexes))


def runs(indexes, size):
    """Consecutive runs of sorted member indexes, wrapping round (Nov, Dec, Jan → one run):
    [(first, last)]."""
    chosen = set(indexes)
    if not chosen:
        return []
    if len(chosen) == size:
        return [(0, size - 1)]
    # Start right after a gap so a run across the end of the cycle stays whole.
    start = next(i for i in range(size) if i in chosen and (i - 1) % size not in chosen)
    result, first, previous = [], None, None
    for step in range(size):
        i = (start + step) % size
        if i in chosen:
            if first is None:
                first = i
            previous = i
        elif first is not None:
            result.append((first, previous))
            first = None
    if first is not None:
        result.append((first, previous))
    return result
