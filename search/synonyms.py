"""Staff-edited synonym groups, read once per change rather than once per search."""

from search.cached import versioned


def _load():
    from search.models import SynonymGroup

    return [g.term_list for g in SynonymGroup.objects.all() if len(g.term_list) > 1]


def synonym_groups():
    return versioned("synonyms", _load)
