"""Wagtail document downloads handed to nginx (`X-Accel-Redirect`).

Wagtail's document view checks collection privacy and counts nothing else; the file itself is
then sent by nginx from the internal `/media/documents/` location (deploy/nginx/), so a gunicorn
worker is not tied up streaming a 20 MB PDF, and the files cannot be fetched past the view.
Selected by `SENDFILE_BACKEND` when NGINX_SENDFILE is on (promo/settings/production.py).
"""

import os
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


def sendfile(request, filename, **kwargs):
    root = os.path.realpath(settings.MEDIA_ROOT)
    path = os.path.realpath(filename)
    if os.path.commonpath([root, path]) != root:
        raise Http404("not a media file")
    response = HttpResponse()
    response["X-Accel-Redirect"] = settings.MEDIA_URL + quote(os.path.relpath(path, root))
    return response
