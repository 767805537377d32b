"""The one progress printer of the long-running commands (promo/progress.py)."""

import io

from django.core.management.base import OutputWrapper

from promo.progress import progress_printer


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_in_a_log_one_line_at_most_every_two_seconds_and_always_the_last():
    out = io.StringIO()
    progress = progress_printer(OutputWrapper(out), "importing")
    for done in range(1, 501):
        progress(done, 500)
    lines = out.getvalue().splitlines()
    assert lines[0] == "importing: [..............................] 1/500"
    assert lines[-1] == "importing: [##############################] 500/500"
    assert len(lines) == 2  # the loop takes far less than two seconds


def test_on_a_terminal_the_line_is_redrawn_in_place_and_ends_with_a_newline():
    out = Terminal()
    progress = progress_printer(OutputWrapper(out), "catalogue")
    progress(0, 4)
    progress(4, 4)
    text = out.getvalue()
    assert text.startswith("\rcatalogue: [") and text.endswith("] 4/4\n")
    assert "\n" not in text[:-1]


def test_nothing_to_do_is_shown_as_done():
    out = io.StringIO()
    progress_printer(OutputWrapper(out), "pictures")(0, 0)
    assert out.getvalue() == "pictures: [##############################] 0/0\n"
