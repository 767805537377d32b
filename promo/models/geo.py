from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class LocationMixin(models.Model):
    lat = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    lon = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta:
        abstract = True

    @property
    def has_location(self):
        return self.lat is not None and self.lon is not None

    @property
    def map_url(self):
        # OpenStreetMap is a link the visitor follows, not something the page loads.
        if not self.has_location:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.lat}&mlon={self.lon}#map=14/{self.lat}/{self.lon}"
