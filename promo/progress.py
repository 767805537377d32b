"""One progress line for every long-running command (catalogue import, demo load, search index
rebuild, alert digests): `what: [#######.......] done/total`, redrawn in place on a terminal at
most ten times a second, one line every two seconds in a log, and always the last one."""

import time

WIDTH = 30


def progress_printer(stream, what):
    """A `progress(done, total)` callback writing to `stream` (a command's `self.stderr`)."""
    tty = stream.isatty()
    last = [0.0]

    def progress(done, total):
        now = time.monotonic()
        if done != total and now - last[0] < (0.1 if tty else 2.0):
            return
        last[0] = now
        filled = int(WIDTH * done / total) if total else WIDTH
        line = f"{what}: [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}"
        stream.write(("\r" + line) if tty else line, ending="" if tty else "\n")
        if tty and done == total:
            stream.write("")

    return progress
