"""Property-based fuzzing of both APIs and the dataset files with schemathesis, against the
OpenAPI document the site serves: every operation, generated parameters (valid ones, then
invalid ones), over the WSGI app with a catalogue in the database. Any 5xx, any response that
breaks its schema, an undocumented status code or content type fails the test.

Bounded so that CI stays quick: FUZZ_EXAMPLES cases per operation and mode (env
`OPENDATA_FUZZ_EXAMPLES`, default 15) and a time budget per run (`OPENDATA_FUZZ_SECONDS`,
default 90): operations not reached within it are reported, not silently skipped. Operations
without parameters have nothing to make invalid: they are fuzzed in the positive mode only.
"""

import contextlib
import os
import time

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("OPENDATA_FUZZ_EXAMPLES", "15"))
BUDGET = float(os.environ.get("OPENDATA_FUZZ_SECONDS", "90"))
POSITIVE_CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
NEGATIVE_CHECKS = [not_a_server_error, status_code_conformance]


def _run(operation, mode, checks):
    strategy = operation.as_strategy(generation_mode=mode)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def check(case):
        case.call_and_validate(checks=checks)

    check()


@contextlib.contextmanager
def connection_kept_open():
    """Requests through the WSGI app must not close the test's database connection after
    each response (Django's test client does the same)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_fuzz_every_operation(client, catalogue, settings):
    settings.API_RATE_LIMIT = 1_000_000  # the fuzzer is one client sending hundreds of requests
    document = client.get("/api/openapi.json").json()
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()
    schema.base_url = None
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25, "every endpoint is described"
    started, done, failures = time.monotonic(), [], []
    with connection_kept_open():
        fuzz(operations, started, done, failures)
    assert not failures, "\n\n".join(failures)
    skipped = [op.label for op in operations if op.label not in done]
    print(
        f"fuzzed {len(done)} operations x {EXAMPLES} examples (valid, then invalid) in "
        f"{time.monotonic() - started:.0f} s; not reached in the time budget: {skipped}"
    )
    assert len(done) >= len(operations) // 2, f"time budget too small: {skipped}"


def has_parameters(operation):
    return any(
        len(group)
        for group in (operation.path_parameters, operation.query, operation.headers, operation.cookies)
    )


def fuzz(operations, started, done, failures):
    for operation in operations:
        if time.monotonic() - started > BUDGET:
            break
        modes = [(schemathesis.GenerationMode.POSITIVE, POSITIVE_CHECKS)]
        if has_parameters(operation):
            modes.append((schemathesis.GenerationMode.NEGATIVE, NEGATIVE_CHECKS))
        for mode, checks in modes:
            try:
                _run(operation, mode, checks)
            except Exception as exc:  # every operation is tried; all failures reported
                failures.append(f"{operation.label} [{mode.value}]: {exc}"[:2000])
        done.append(operation.label)
