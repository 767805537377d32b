"""Servers that misbehave on purpose, on loopback only."""

import contextlib
import socket
import threading

PORTS = range(8100, 8200)  # this test area's port range on the shared machine


def free_port():
    for port in PORTS:
        with contextlib.closing(socket.socket()) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8100-8199")


@contextlib.contextmanager
def silent_listener():
    """A TCP server that accepts every connection and never says a word (a hung SMTP server
    or search engine). Yields its port."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    port = free_port()
    server.bind(("127.0.0.1", port))
    server.listen(64)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            held.append(conn)  # keep it open, say nothing

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(2)
        for conn in held:
            conn.close()
        server.close()
