from .attractions import AttractionIndexPage, AttractionPage
from .base import CataloguePage
from .fairs import FairIndexPage, FairPage
from .investment import InvestmentIndexPage, InvestmentPage
from .investment_people import ExchangeRate, InvestmentForm, Officer
from .itineraries import TripIndexPage, TripPage
from .news import NewsIndexPage, NewsPage
from .products import ProductIndexPage, ProductPage
from .taxonomy import Category, Commune, FormerCommuneName, Sector
from .visit_facts import AdmissionFee, OpeningException, OpeningHours

CATALOGUE_MODELS = {
    "product": ProductPage,
    "fair": FairPage,
    "attraction": AttractionPage,
    "investment": InvestmentPage,
    "news": NewsPage,
}
INDEX_MODELS = {
    "product": ProductIndexPage,
    "fair": FairIndexPage,
    "attraction": AttractionIndexPage,
    "investment": InvestmentIndexPage,
    "news": NewsIndexPage,
}

__all__ = [
    "AttractionIndexPage",
    "AttractionPage",
    "CATALOGUE_MODELS",
    "CataloguePage",
    "Category",
    "Commune",
    "AdmissionFee",
    "OpeningException",
    "OpeningHours",
    "ExchangeRate",
    "FairIndexPage",
    "FairPage",
    "FormerCommuneName",
    "INDEX_MODELS",
    "InvestmentForm",
    "InvestmentIndexPage",
    "InvestmentPage",
    "NewsIndexPage",
    "NewsPage",
    "Officer",
    "ProductIndexPage",
    "ProductPage",
    "Sector",
    "TripIndexPage",
    "TripPage",
]
