from django.urls import path

from feeds import views
from feeds.news import NewsAtomFeed, NewsRssFeed
from pagecache.http import cacheable

FEED_MAX_AGE = 600  # feed readers and calendar apps poll; ETag revalidation makes it cheap

app_name = "feeds"

urlpatterns = [
    path("feeds/news.rss", cacheable(NewsRssFeed.as_view(), max_age=FEED_MAX_AGE), name="news_rss"),
    path("feeds/news.atom", cacheable(NewsAtomFeed.as_view(), max_age=FEED_MAX_AGE), name="news_atom"),
    path("calendar/fairs.ics", cacheable(views.upcoming_fairs_ics, max_age=FEED_MAX_AGE), name="fairs_ics"),
    path("calendar/fairs/<slug:ref>.ics", cacheable(views.fair_ics, max_age=FEED_MAX_AGE), name="fair_ics"),
]
