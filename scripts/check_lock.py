"""Check that each lock file pins every package its requirements file declares, at the declared
version: after a requirements*.txt edit (or a merge) without `make lock`, say so and stop, rather
than install something else than what was declared.

    python scripts/check_lock.py          exit 1 with one line per mismatch; standard library only
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = {
    "requirements.txt": "requirements.lock",
    "requirements-test.txt": "requirements-test.lock",
    "requirements-lint.txt": "requirements-lint.lock",
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#\\]+)")


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(path, seen=None):
    """{name: version} of the `==` pins in a requirements file and the files it includes (-r)."""
    seen = seen if seen is not None else set()
    if path in seen:
        return {}
    seen.add(path)
    pins = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split(" #")[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith(("-r ", "--requirement ")):
            pins.update(declared(path.parent / line.split(None, 1)[1], seen))
            continue
        if line.startswith("-"):
            continue
        match = PIN.match(line)
        if not match:
            raise SystemExit(f"{path.name}:{number}: pin an exact version (name==version): {line}")
        pins[normalise(match[1])] = match[2]
    return pins


def locked(path):
    return {normalise(m[1]): m[2] for m in map(PIN.match, path.read_text(encoding="utf-8").splitlines()) if m}


def problems(root=ROOT):
    for source, lock in LOCKS.items():
        if not (root / lock).exists():
            yield f"{lock} is missing"
            continue
        pins = locked(root / lock)
        for name, version in sorted(declared(root / source).items()):
            if pins.get(name) != version:
                found = f"has {pins[name]}" if name in pins else "lacks it"
                yield f"{source} pins {name}=={version} but {lock} {found}"


def main():
    found = list(problems())
    for problem in found:
        print(f"lock: {problem}", file=sys.stderr)
    if found:
        print(
            "lock: the lock files are out of date: run `make lock` and commit the *.lock files",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
