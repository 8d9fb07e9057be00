"""Query history and saved searches, kept as JSON between runs.

Files live in ``platformdirs.user_data_dir("readout")`` unless
``$READOUT_STATE_DIR`` (or the factory's ``state_dir``) says otherwise.
Writes are atomic (temp file + rename) and merge with what is on disk, so
two Readouts open at once lose nothing; an unreadable or unwritable file
never stops the app -- history is a convenience.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HISTORY_FILE = "history.json"
SAVED_FILE = "saved.json"
HISTORY_LIMIT = 500


def default_state_dir() -> Path:
    """``$READOUT_STATE_DIR``, else the user's data folder for Readout."""
    env = os.environ.get("READOUT_STATE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("readout", appauthor=False))


@dataclass(frozen=True)
class SavedSearch:
    name: str
    query: str


class History:
    """Past queries (oldest first) and saved searches."""

    def __init__(self, state_dir: Path | None = None, limit: int = HISTORY_LIMIT) -> None:
        self.state_dir = Path(state_dir) if state_dir is not None else default_state_dir()
        self.limit = limit
        self.queries: list[str] = self._load_queries()
        self.saved: list[SavedSearch] = self._load_saved()

    # reading ---------------------------------------------------------------------------

    def _read(self, name: str) -> Any:
        try:
            return json.loads((self.state_dir / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _load_queries(self) -> list[str]:
        data = self._read(HISTORY_FILE)
        items = data.get("queries") if isinstance(data, dict) else None
        return [q for q in items if isinstance(q, str) and q.strip()][-self.limit :] if isinstance(items, list) else []

    def _load_saved(self) -> list[SavedSearch]:
        data = self._read(SAVED_FILE)
        items = data.get("saved") if isinstance(data, dict) else None
        out = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("query"), str):
                out.append(SavedSearch(str(item.get("name") or item["query"]), item["query"]))
        return out

    # writing ---------------------------------------------------------------------------

    def _write(self, name: str, data: Any) -> bool:
        try:
            self.state_dir.mkdir(parents=True, exist_ok=True)
            target = self.state_dir / name
            tmp = target.with_name(f".{name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, target)
            return True
        except OSError:
            return False

    def record(self, query: str) -> None:
        """Remember ``query`` as the newest entry (moving it if already there)."""
        query = query.strip()
        if not query:
            return
        merged = [q for q in self._load_queries() if q != query]
        for q in self.queries:  # entries of this session another Readout has not seen
            if q not in merged and q != query:
                merged.append(q)
        merged.append(query)
        self.queries = merged[-self.limit :]
        self._write(HISTORY_FILE, {"queries": self.queries})

    def save(self, query: str, name: str | None = None) -> bool:
        """Add a saved search; False if it was saved already (or is empty)."""
        query = query.strip()
        if not query:
            return False
        self.saved = self._load_saved() or self.saved
        if any(s.query == query for s in self.saved):
            return False
        self.saved.append(SavedSearch(name or query, query))
        self._write_saved()
        return True

    def unsave(self, query: str) -> None:
        self.saved = [s for s in (self._load_saved() or self.saved) if s.query != query]
        self._write_saved()

    def _write_saved(self) -> None:
        self._write(SAVED_FILE, {"saved": [{"name": s.name, "query": s.query} for s in self.saved]})


class Recall:
    """Walking the history with up/down from the search bar."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.position: int | None = None
        self.draft = ""

    def older(self, current: str) -> str | None:
        queries = self.history.queries
        if not queries:
            return None
        if self.position is None:
            self.draft = current
            self.position = len(queries)
        # skip an entry equal to what is already in the bar
        while self.position > 0:
            self.position -= 1
            if queries[self.position] != current:
                return queries[self.position]
        return None

    def newer(self) -> str | None:
        queries = self.history.queries
        if self.position is None:
            return None
        self.position += 1
        if self.position >= len(queries):
            self.position = None
            return self.draft
        return queries[self.position]

    def reset(self) -> None:
        self.position = None
