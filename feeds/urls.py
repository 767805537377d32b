from django.urls import path

from feeds import views
from feeds.news import NewsAtomFeed, NewsRssFeed

app_name = "feeds"

urlpatterns = [
    path("feeds/news.rss", NewsRssFeed.as_view(), name="news_rss"),
    path("feeds/news.atom", NewsAtomFeed.as_view(), name="news_atom"),
    path("calendar/fairs.ics", views.upcoming_fairs_ics, name="fairs_ics"),
    path("calendar/fairs/<slug:ref>.ics", views.fair_ics, name="fair_ics"),
]
