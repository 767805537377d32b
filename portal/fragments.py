"""The parts of every page that change with each visit, rendered afresh even when the page
comes from the page cache (pagecache.fragments): the view count and the visitor statistics."""

from django.template.loader import render_to_string

from pagecache.fragments import register
from portal import stats


@register("page_views")
def page_views(request, page_id=None):
    views = stats.page_views(page_id) if page_id else 0
    return render_to_string("portal/includes/page_views.html", {"views": views})


@register("visit_stats")
def visit_stats(request):
    return render_to_string("portal/includes/visit_stats.html", {"stats": stats.visit_stats()})
