"""Settings from config.yaml: the corpus, the index folder, the UI's theme.

Which file: ``--config FILE``, else ``$READOUT_CONFIG``, else
``./config.yaml``, else the project's own ``config.yaml`` (beside the
``index`` package).  Relative paths in a config file are read from that
file's folder.  A wrong value is one clear line naming the key and file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(ValueError):
    """A config file that cannot be used, with the reason."""


@dataclass(frozen=True)
class Config:
    corpus: tuple[Path, ...] = ()
    index: Path | None = None
    theme: str = "textual-dark"
    people: tuple[Path, ...] = ()
    search_limit: int = 200
    debounce_ms: int = 150
    workers: int | None = None
    path: Path | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


_KEYS: dict[str, type | tuple[type, ...]] = {
    "corpus": (list, str),
    "index": (str, type(None)),
    "theme": str,
    "people": (list, str, type(None)),
    "search_limit": int,
    "debounce_ms": int,
    "workers": (int, type(None)),
}


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        return path
    env = os.environ.get("READOUT_CONFIG")
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found (from READOUT_CONFIG)")
        return path
    for candidate in (Path.cwd() / "config.yaml", PROJECT_ROOT / "config.yaml"):
        if candidate.is_file():
            return candidate
    return None


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    path = find_config(explicit)
    if path is None:
        return Config()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML ({getattr(error, 'problem', error)})") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected key: value pairs at the top level")
    warnings = []
    for key in raw:
        if key not in _KEYS:
            warnings.append(f"{path}: unknown key {key!r} ignored (known: {', '.join(_KEYS)})")
    for key, expected in _KEYS.items():
        if key in raw and not isinstance(raw[key], expected) or key in raw and isinstance(raw[key], bool):
            names = expected.__name__ if isinstance(expected, type) else " or ".join(t.__name__ for t in expected)
            raise ConfigError(f"{path}: key {key!r} must be {names.replace('NoneType', 'null')}, not {type(raw[key]).__name__}")
    base = path.parent

    def paths(value: Any, key: str) -> tuple[Path, ...]:
        items = [value] if isinstance(value, str) else list(value or [])
        for item in items:
            if not isinstance(item, str):
                raise ConfigError(f"{path}: key {key!r} must list paths, not {type(item).__name__}")
        return tuple((base / Path(item).expanduser()) for item in items)

    index_value = raw.get("index")
    return Config(
        corpus=paths(raw.get("corpus"), "corpus"),
        index=(base / Path(index_value).expanduser()) if index_value else None,
        theme=raw.get("theme", "textual-dark"),
        people=paths(raw.get("people"), "people"),
        search_limit=raw.get("search_limit", 200),
        debounce_ms=raw.get("debounce_ms", 150),
        workers=raw.get("workers"),
        path=path,
        warnings=tuple(warnings),
    )
