from .documents import DocumentIndexPage, OfficialDocumentPage
from .organisation import OrganisationPage
from .stats import DailyVisitStats, PageViewDaily

__all__ = [
    "DailyVisitStats",
    "DocumentIndexPage",
    "OfficialDocumentPage",
    "OrganisationPage",
    "PageViewDaily",
]
