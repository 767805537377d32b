"""The apps read as layers: a module imports only from its own layer and the layers below it.

Data flows page → search document → engine → result (docs/DESIGN.md, "Layers"). The import
graph is built from the source with `ast` — module-level and function-level imports alike —
so a late import inside a function (a common way to hide a cycle) counts too. A layer above
reaches a layer below through imports; a layer below learns about the one above only through a
registry it owns (`search.registry`, `maps.registry`), a signal (`promo.catalogue.site.site_ready`)
or a model looked up by name (`apps.get_model`).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. A name stands for the module and everything below it; the longest name wins.
LAYERS = (
    # project-wide helpers kept in the project package, imported by every app; they import no app
    ("promo.languages", "promo.locks", "promo.progress"),
    # engines and generic components: the search, the page cache, the map
    ("search", "pagecache", "maps"),
    # the catalogue: page types, taxonomies, the exchange format and its importer
    ("promo",),
    # what the catalogue's pages are joined by: official pages, visitors' messages, alerts
    ("portal", "enquiries", "alerts"),
    # the home page and site settings, feeds, the editors' admin, the open-data APIs
    ("home", "feeds", "staff", "opendata"),
    # the project package: settings, URLs, WSGI, health, the worker and the demo that fills
    # every app
    (
        "promo.settings",
        "promo.urls",
        "promo.wsgi",
        "promo.health",
        "promo.context_processors",
        "promo.management.commands.worker",
        "promo.management.commands.load_demo",
        "promo.demo",
        "portal.demo",
    ),
)
APPS = {name.split(".")[0] for layer in LAYERS for name in layer}


def layer_of(module):
    best = None
    for number, layer in enumerate(LAYERS):
        for name in layer:
            if module == name or module.startswith(name + "."):
                if best is None or len(name) > len(best[1]):
                    best = (number, name)
    return best[0] if best else None


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path):
    """(line, imported module) for every absolute import in the file, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                # `from promo import languages` imports the module promo.languages
                yield node.lineno, f"{node.module}.{alias.name}"


def graph():
    """[(importer module, line, imported module)] between the apps, migrations left out (they
    are frozen history)."""
    edges = []
    for app in sorted(APPS):
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            source = module_name(path)
            for line, target in imports(path):
                if target.split(".")[0] in APPS and target.split(".")[0] != source.split(".")[0]:
                    edges.append((source, line, target))
                elif target.split(".")[0] == source.split(".")[0] and layer_of(source) != layer_of(target):
                    edges.append((source, line, target))
    return edges


def upward(edges):
    return [
        f"{source}:{line} imports {target}"
        for source, line, target in edges
        if layer_of(target) is not None and layer_of(target) > layer_of(source)
    ]


def test_no_module_imports_a_layer_above_its_own():
    wrong = upward(graph())
    assert not wrong, "imports against the layers (docs/DESIGN.md, Layers):\n" + "\n".join(wrong)


def test_no_two_apps_import_each_other():
    """Within a layer too: two apps that import each other are one app in two folders."""
    pairs = {
        (source.split(".")[0], target.split(".")[0])
        for source, _line, target in graph()
        if layer_of(source) not in (0, len(LAYERS) - 1) and layer_of(target) not in (0, len(LAYERS) - 1)
    }
    both_ways = sorted({tuple(sorted(pair)) for pair in pairs if pair[::-1] in pairs and pair[0] != pair[1]})
    assert not both_ways, f"apps that import each other: {both_ways}"


@pytest.mark.parametrize(
    "source, target",
    [
        ("search.params", "promo.models"),  # the search reading the catalogue's models
        ("promo.catalogue.site", "staff.setup"),  # the catalogue reaching into the admin
        ("promo.models.listing", "home.models"),  # the catalogue reaching into the home page
        ("promo.languages", "promo.models"),  # a project-wide helper importing an app
    ],
)
def test_an_upward_import_is_caught(source, target):
    assert upward([(source, 1, target)])


def test_every_app_folder_has_a_layer():
    apps = {p.name for p in ROOT.iterdir() if (p / "apps.py").exists()}
    assert apps <= APPS, f"add {sorted(apps - APPS)} to LAYERS"
