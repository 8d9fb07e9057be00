"""What decides extraction, as one hash: kept with an index so stale events are rebuilt.

A module of its own, with nothing heavy to import, so the app can check an
index at start-up without loading the pipeline.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

_EXTRACTION_MODULES = ("clean", "truecase", "sentences", "dating", "entities", "timex", "events", "pipeline", "knowledge", "model")


@lru_cache(maxsize=8)
def extraction_fingerprint(extra_people: tuple[Path, ...] = ()) -> str:
    """A hash of everything that decides what ``extract`` returns: the stage
    modules, the knowledge in ``index/data`` and the user's people files.

    Stored with an index, so a run after an upgrade (or an edited people
    file) knows the stored events are stale and rebuilds them.
    """
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    files = [here / f"{name}.py" for name in _EXTRACTION_MODULES] + sorted((here / "data").glob("*.yaml")) + [Path(p) for p in extra_people]
    for path in files:
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()[:16]
