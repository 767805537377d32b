"""Staff-edited synonym groups, read once per change rather than once per search."""
from django.db.models import Count, Max

from search.models import SynonymGroup

_cache = {"stamp": None, "groups": []}


def synonym_groups():
    # One aggregate query tells whether any group changed since the last read; other worker
    # processes see an edit on their next search, with no cache to invalidate.
    stamp = SynonymGroup.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    stamp = (stamp["n"], stamp["latest"])
    if stamp != _cache["stamp"]:
        _cache["groups"] = [g.term_list for g in SynonymGroup.objects.all() if len(g.term_list) > 1]
        _cache["stamp"] = stamp
    return _cache["groups"]
