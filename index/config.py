"""Settings from config.yaml: the corpus, the index folder, the UI's theme.

Which file: ``--config FILE``, else ``$READOUT_CONFIG``, else
``./config.yaml``, else the project's own ``config.yaml`` (beside the
``index`` package).  Relative paths in a config file are read from that
file's folder.  A wrong value is one clear line naming the key and file;
an unknown key is a warning.  YAML aliases are refused (they allow
expansion bombs), and every message is safe to print.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

from index.clean import printable

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


MAX_CONFIG_BYTES = 1024 * 1024

_KEYS: dict[str, type | tuple[type, ...]] = {
    "corpus": (list, str),
    "index": (str, type(None)),
    "theme": str,
    "people": (list, str, type(None)),
    "search_limit": int,
    "debounce_ms": int,
    "workers": (int, type(None)),
}


_RANGES: dict[str, tuple[int, int]] = {
    "search_limit": (1, 100_000),
    "debounce_ms": (0, 10_000),
    "workers": (1, 256),
}

_TYPE_NAMES = {"list": "a list", "str": "text", "int": "a whole number", "NoneType": "null", "dict": "a mapping", "float": "a number", "bool": "true/false"}


def _type_name(value_or_type: object) -> str:
    name = value_or_type.__name__ if isinstance(value_or_type, type) else type(value_or_type).__name__
    return _TYPE_NAMES.get(name, name)


def _shown(value: object) -> str:
    text = printable(repr(value))
    return text if len(text) <= 40 else text[:37] + "..."


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    if explicit:
        path = Path(explicit).expanduser()
        if path.is_dir():
            raise ConfigError(f"{printable(str(path))}: is a folder, not a config file")
        if not path.is_file():
            raise ConfigError(f"{printable(str(path))}: config file not found")
        return path
    env = os.environ.get("READOUT_CONFIG")
    if env:
        path = Path(env).expanduser()
        if not path.is_file():
            raise ConfigError(f"{printable(str(path))}: config file not found (from READOUT_CONFIG)")
        return path
    for candidate in (Path.cwd() / "config.yaml", PROJECT_ROOT / "config.yaml"):
        if candidate.is_file():
            return candidate
    return None


def _read_yaml(path: Path) -> Any:
    shown = printable(str(path))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
    except PermissionError:
        raise ConfigError(f"{shown}: cannot read (permission denied)") from None
    except OSError as error:
        raise ConfigError(f"{shown}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{shown}: too large for a config file (more than {MAX_CONFIG_BYTES // 1024} KB)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{shown}: not UTF-8 text (byte {error.start})") from None
    from index.load import MAX_YAML_DEPTH, yaml_too_deep

    if yaml_too_deep(text):
        raise ConfigError(f"{shown}: not valid YAML (nested more than {MAX_YAML_DEPTH} levels deep)")
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise ConfigError(f"{shown}:{mark.line + 1}: YAML aliases (*name) are not allowed in a config file")
        return yaml.safe_load(text)
    except yaml.reader.ReaderError as error:  # a character YAML does not allow
        line = text.count("\n", 0, max(error.position, 0)) + 1
        raise ConfigError(f"{shown}:{line}: not valid YAML (the character {printable(repr(chr(error.character)))} is not allowed)") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise ConfigError(f"{shown}{where}: not valid YAML ({printable(str(getattr(error, 'problem', None) or error))})") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        if isinstance(error, ConfigError):
            raise
        raise ConfigError(f"{shown}: not valid YAML ({printable(str(error))[:100]})") from None


def load_config(explicit: str | os.PathLike[str] | None = None) -> Config:
    path = find_config(explicit)
    if path is None:
        return Config()
    shown = printable(str(path))
    raw = _read_yaml(path)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{shown}: expected key: value pairs at the top level, not {_type_name(raw)}")
    warnings = []
    for key in raw:
        if key not in _KEYS:
            warnings.append(f"{shown}: unknown key {_shown(key)} ignored (known: {', '.join(_KEYS)})")
    for key, expected in _KEYS.items():
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            types = (expected,) if isinstance(expected, type) else expected
            names = " or ".join(_type_name(t) for t in types)
            raise ConfigError(f"{shown}: key {key!r} must be {names}, not {_type_name(value)} ({_shown(value)})")
        if key in _RANGES and isinstance(value, int):
            low, high = _RANGES[key]
            if not low <= value <= high:
                raise ConfigError(f"{shown}: key {key!r} must be between {low} and {high}, not {value}")
    if "theme" in raw and not raw["theme"].strip():
        raise ConfigError(f"{shown}: key 'theme' must name a theme, not be empty")
    base = path.parent

    def paths(value: Any, key: str) -> tuple[Path, ...]:
        items = [value] if isinstance(value, str) else list(value or [])
        for item in items:
            if not isinstance(item, str):
                raise ConfigError(f"{shown}: key {key!r} must list paths, not {_type_name(item)} ({_shown(item)})")
            if not item.strip():
                raise ConfigError(f"{shown}: key {key!r} lists an empty path")
        return tuple((base / Path(item).expanduser()) for item in items)

    people = paths(raw.get("people"), "people")
    for person_file in people:
        if not person_file.is_file():
            raise ConfigError(f"{shown}: key 'people': {printable(str(person_file))} not found")
    index_value = raw.get("index")
    return Config(
        corpus=paths(raw.get("corpus"), "corpus"),
        index=(base / Path(index_value).expanduser()) if index_value else None,
        theme=raw.get("theme", "textual-dark"),
        people=people,
        search_limit=raw.get("search_limit", 200),
        debounce_ms=raw.get("debounce_ms", 150),
        workers=raw.get("workers"),
        path=path,
        warnings=tuple(warnings),
    )


def default_index_dir(corpus: Sequence[Path]) -> Path:
    """The user's cache folder, keyed by the (resolved) corpus paths.

    Here, not beside the indexer: the app resolves it at every start, and
    importing the indexer loaded the whole pipeline and Whoosh (50 ms).
    """
    import hashlib

    from platformdirs import user_cache_dir

    key = "\n".join(sorted(str(Path(p).expanduser().resolve()) for p in corpus))
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return Path(user_cache_dir("readout", appauthor=False)) / f"index-{digest}"
