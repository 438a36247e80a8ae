"""Helpers shared by the build tests (imported as a plain module, like querying_support)."""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "jfk"

# Every file a build publishes, and its manifest: none may depend on how or where it was run.
STABLE_OUTPUTS = ("kg.nq", "kg.ttl", "kg.trig", "kg.jsonld", "context.jsonld", "void.ttl",
                  "validation-report.txt", "build-report.json", "identity-report.tsv",
                  ".kg/current/manifest.json")


def output_bytes(out: Path) -> dict[str, bytes]:
    """The build's outputs, name -> bytes (missing ones left out)."""
    return {name: (out / name).read_bytes() for name in STABLE_OUTPUTS if (out / name).exists()}


class Spy:
    """Counts calls of ``process_file`` made by the build (in-process builds only)."""

    def __init__(self, real):
        self.real, self.calls = real, []

    def __call__(self, path, base, name=None, *rest):
        self.calls.append(name or Path(path).name)
        return self.real(path, base, name, *rest)
