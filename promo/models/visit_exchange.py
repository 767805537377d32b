"""The visit facts as plain JSON values, for the catalogue exchange format.

Each exchange key (docs/catalogue-format.md) is a property of the page: reading it gives the
plain value the exporter writes (None when there is nothing), assigning the checked value from
an import line sets the fields, rows and blocks behind it. The importer and exporter stay
generic: they read and assign `page.<key>`. The shapes are checked in
`promo.catalogue.visit_keys`; getters return exactly those shapes, so that importing an
exported file changes nothing.
"""

import datetime as dt

WEEKDAY_CODES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def hhmm(value):
    return value.strftime("%H:%M") if value is not None else None


def parse_hhmm(value):
    return dt.time.fromisoformat(value) if value else None


def _stream_items(stream, block_type):
    return [child.value for child in stream if child.block_type == block_type]


def _plain_number(value):
    if value is None:
        return None
    number = float(value)
    return int(number) if number == int(number) else number


class AttractionExchangeMixin:
    """Exchange properties of AttractionPage (the fields are declared on the page)."""

    @property
    def hours(self):
        weekly = [
            {
                "days": [WEEKDAY_CODES[d] for d in range(7) if row.days & (1 << d)],
                "opens": hhmm(row.opens),
                "closes": hhmm(row.closes),
            }
            for row in self.weekly_hours.all()
        ]
        exceptions = []
        for row in self.hours_exceptions.all():
            item = {
                "reason": row.reason,
                "from": row.valid_from.isoformat(),
                "through": row.valid_through.isoformat(),
            }
            if row.closed:
                item["closed"] = True
            else:
                item.update(opens=hhmm(row.opens), closes=hhmm(row.closes))
            exceptions.append(item)
        if self.hours_status == "scheduled" and not weekly and not exceptions:
            return None
        value = {"status": self.hours_status}
        if weekly:
            value["weekly"] = weekly
        if exceptions:
            value["exceptions"] = exceptions
        return value

    @hours.setter
    def hours(self, value):
        from promo.models.visit_facts import OpeningException, OpeningHours

        value = value or {}
        self.hours_status = value.get("status", "scheduled")
        self.weekly_hours = [
            OpeningHours(
                days=sum(1 << WEEKDAY_CODES.index(d) for d in row["days"]),
                opens=parse_hhmm(row["opens"]),
                closes=parse_hhmm(row["closes"]),
                sort_order=i,
            )
            for i, row in enumerate(value.get("weekly", []))
        ]
        self.hours_exceptions = [
            OpeningException(
                reason=row["reason"],
                valid_from=dt.date.fromisoformat(row["from"]),
                valid_through=dt.date.fromisoformat(row["through"]),
                closed=bool(row.get("closed")),
                opens=parse_hhmm(row.get("opens")),
                closes=parse_hhmm(row.get("closes")),
                sort_order=i,
            )
            for i, row in enumerate(value.get("exceptions", []))
        ]

    @property
    def fees(self):
        rows = [{"visitor": fee.visitor, "vnd": fee.price_vnd} for fee in self.admission_fees.all()]
        return rows or None

    @fees.setter
    def fees(self, value):
        from promo.models.visit_facts import AdmissionFee

        self.admission_fees = [
            AdmissionFee(visitor=row["visitor"], price_vnd=row["vnd"], sort_order=i)
            for i, row in enumerate(value or [])
        ]

    @property
    def ticket_vnd(self):
        """The adult fee: what older files and the first card line call the ticket price.
        Not exported (the exchange format's `ticket_vnd` becomes an adult fee on import)."""
        adult = [fee.price_vnd for fee in self.admission_fees.all() if fee.visitor == "adult"]
        return adult[0] if adult else None

    @ticket_vnd.setter
    def ticket_vnd(self, value):
        # Import lines carry it as `fees` (see promo.catalogue.parse); a direct assignment
        # (tests, shell) sets the adult fee.
        if value is None:
            return
        from promo.models.visit_facts import AdmissionFee

        rest = [fee for fee in self.admission_fees.all() if fee.visitor != "adult"]
        self.admission_fees = [AdmissionFee(visitor="adult", price_vnd=value, sort_order=0), *rest]

    @property
    def duration_minutes(self):
        if self.visit_minutes_min is None and self.visit_minutes_max is None:
            return None
        value = {}
        if self.visit_minutes_min is not None:
            value["min"] = self.visit_minutes_min
        if self.visit_minutes_max is not None:
            value["max"] = self.visit_minutes_max
        return value

    @duration_minutes.setter
    def duration_minutes(self, value):
        value = value or {}
        self.visit_minutes_min = value.get("min")
        self.visit_minutes_max = value.get("max")

    @property
    def best_months(self):
        months = [m + 1 for m in range(12) if self.season_months & (1 << m)]
        return months or None

    @best_months.setter
    def best_months(self, value):
        self.season_months = sum(1 << (m - 1) for m in set(value or []))

    @property
    def getting_there(self):
        routes = []
        for route in _stream_items(self.routes, "route"):
            item = {"from": route["origin"]}
            if route.get("distance_km") is not None:
                item["km"] = _plain_number(route["distance_km"])
            if route.get("drive_minutes"):
                item["drive_minutes"] = route["drive_minutes"]
            if route.get("public_transport"):
                item["public_transport"] = route["public_transport"]
            routes.append(item)
        return routes or None

    @getting_there.setter
    def getting_there(self, value):
        self.routes = [
            {
                "type": "route",
                "value": {
                    "origin": row["from"],
                    "distance_km": str(row["km"]) if row.get("km") is not None else None,
                    "drive_minutes": row.get("drive_minutes"),
                    "public_transport": row.get("public_transport", ""),
                },
            }
            for row in value or []
        ]

    @property
    def amenities(self):
        value = {
            code: getattr(self, name) for code, name in self.AMENITY_FIELDS.items() if getattr(self, name)
        }
        return value or None

    @amenities.setter
    def amenities(self, value):
        value = value or {}
        for code, name in self.AMENITY_FIELDS.items():
            setattr(self, name, value.get(code, ""))


class FairExchangeMixin:
    @property
    def opens(self):
        return hhmm(self.daily_opens)

    @opens.setter
    def opens(self, value):
        self.daily_opens = parse_hhmm(value)

    @property
    def closes(self):
        return hhmm(self.daily_closes)

    @closes.setter
    def closes(self, value):
        self.daily_closes = parse_hhmm(value)

    @property
    def exhibitors(self):
        rows = []
        for item in _stream_items(self.exhibitor_list, "exhibitor"):
            row = {"name": item["name"]}
            for key in ("shows", "booth", "product", "website"):
                if item.get(key):
                    row[key] = item[key]
            rows.append(row)
        return rows or None

    @exhibitors.setter
    def exhibitors(self, value):
        self.exhibitor_list = [
            {
                "type": "exhibitor",
                "value": {
                    "name": row["name"],
                    "shows": row.get("shows", ""),
                    "booth": row.get("booth", ""),
                    "product": row.get("product", ""),
                    "website": row.get("website", ""),
                },
            }
            for row in value or []
        ]
