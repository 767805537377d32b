"""Django's compilemessages, compiling this project's catalogues only.

Django's own command walks every folder below the current one for `locale/` folders, the
virtualenv's installed packages and node_modules included; here those are left alone.
"""

from django.core.management.commands import compilemessages

NOT_THE_SITE = [".*", "node_modules", "var", "media", "static", "tests", "bench"]


class Command(compilemessages.Command):
    def handle(self, **options):
        options["ignore_patterns"] = list(options["ignore_patterns"] or []) + NOT_THE_SITE
        return super().handle(**options)
