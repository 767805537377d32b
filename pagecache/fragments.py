"""Live fragments: the few parts of a cached page that are rendered afresh for every request.

A template marks one with `{% live "name" arg … %}`; the tag renders it now and wraps it in a
pair of HTML comments. When the page is stored, each marked part is cut out and kept as
(name, args); when it is served from the cache, the part is rendered again for that request, in
the request's language. The CSRF token of a form is treated the same way without any marking,
so a page with a form is cached too, and each visitor still gets a token of their own.

Fragments render from the request and their arguments only (there is no template context on a
cache hit), and must be cheap: they run on every hit.
"""

import json
import re

from django.middleware.csrf import get_token
from django.utils.html import format_html

_registry = {}

START = "<!--live:{name}:{args}-->"
END = "<!--/live-->"
_MARKED = re.compile(rb"<!--live:([a-z0-9_]+):(.*?)-->(.*?)<!--/live-->", re.DOTALL)
_CSRF_INPUT = re.compile(rb'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">')
CSRF = "csrf"


def register(name):
    """Decorator: `render(request, *args) -> str` is the fragment `name`."""
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise ValueError(f"fragment names are lower-case words, not {name!r}")

    def decorator(render):
        _registry[name] = render
        return render

    return decorator


@register(CSRF)
def _csrf_input(request):
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))


def render(name, request, args=()):
    return str(_registry[name](request, *args))


def marked(name, request, args):
    """What `{% live %}` writes: the fragment rendered now, between its markers."""
    if name not in _registry:
        raise KeyError(f"no live fragment named {name!r} (see pagecache.fragments.register)")
    encoded = json.dumps(list(args), separators=(",", ":"), ensure_ascii=True)
    if "-->" in encoded:
        raise ValueError("live fragment arguments cannot contain '-->'")
    return START.format(name=name, args=encoded) + render(name, request, args) + END


def split(content, csrf_used):
    """The body cut into bytes and (name, args) parts, or None when it cannot be shared (a CSRF
    token used somewhere other than a form's hidden input)."""
    parts, position = [], 0
    for match in _MARKED.finditer(content):
        parts.append(content[position : match.start()])
        parts.append((match.group(1).decode(), tuple(json.loads(match.group(2)))))
        position = match.end()
    parts.append(content[position:])
    if not csrf_used:
        return parts
    cut, tokens = [], set()
    for part in parts:
        if not isinstance(part, bytes):
            cut.append(part)
            continue
        position = 0
        for match in _CSRF_INPUT.finditer(part):
            tokens.add(match.group(1))
            cut.extend((part[position : match.start()], (CSRF, ())))
            position = match.end()
        cut.append(part[position:])
    if not tokens or any(token in part for part in cut if isinstance(part, bytes) for token in tokens):
        return None
    return cut


def join(parts, request):
    """The body for `request`: stored bytes with each live part rendered now."""
    out = []
    for part in parts:
        if isinstance(part, bytes):
            out.append(part)
        else:
            name, args = part
            if name == CSRF:
                out.append(render(name, request, args).encode())
            else:
                out.append(marked(name, request, args).encode())
    return b"".join(out)


def has_private_parts(parts):
    return any(not isinstance(part, bytes) and part[0] == CSRF for part in parts)
