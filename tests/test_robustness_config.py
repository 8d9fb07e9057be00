"""Config files (issue 6): unknown keys are warned about, a wrong type or value
is one clear line naming the key, a missing file is named; nothing crashes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.config import ConfigError, load_config

from test_robustness_support import drop_root_powers, readout, unsafe_in


def write(tmp_path: Path, text: str | bytes, name: str = "config.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "text, key, words",
    [
        ("corpus: 5\n", "corpus", "must be a list or text, not a whole number"),
        ("corpus: [seeds, 7]\n", "corpus", "must list paths, not a whole number"),
        ("corpus: {a: b}\n", "corpus", "not a mapping"),
        ("corpus: ['']\n", "corpus", "empty path"),
        ("index: [a, b]\n", "index", "must be text or null, not a list"),
        ("theme: 3\n", "theme", "must be text"),
        ("theme: ''\n", "theme", "must name a theme"),
        ("people: yes\n", "people", "not true/false"),
        ("people: [no-such-people.yaml]\n", "people", "not found"),
        ("search_limit: many\n", "search_limit", "must be a whole number, not text ('many')"),
        ("search_limit: 2.5\n", "search_limit", "not a number"),
        ("search_limit: true\n", "search_limit", "not true/false"),
        ("search_limit: 0\n", "search_limit", "between 1 and 100000"),
        ("search_limit: 99999999999999999999\n", "search_limit", "between 1 and 100000"),
        ("debounce_ms: -5\n", "debounce_ms", "between 0 and 10000"),
        ("debounce_ms: null\n", "debounce_ms", "not null"),
        ("workers: 0\n", "workers", "between 1 and 256"),
        ("workers: two\n", "workers", "must be a whole number or null"),
    ],
)
def test_a_wrong_type_or_value_is_one_line_naming_the_key(tmp_path: Path, text: str, key: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: key '{key}'") and words in message, message
    assert "\n" not in message


@pytest.mark.parametrize(
    "content, words",
    [
        (b"corpus: [seeds\n", ":2: not valid YAML"),
        (b"- seeds\n- more\n", "expected key: value pairs at the top level, not a list"),
        (b"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", ":2: YAML aliases (*name) are not allowed"),
        ("corpus: [Zürich]\n".encode("latin-1"), "not UTF-8 text (byte 10)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text"),
        (b"search_limit: " + b"9" * 5000 + b"\n", "not valid YAML"),
        (b"x: " + b"[" * 3000 + b"]" * 3000 + b"\n", "not valid YAML"),
        (b"theme: !!python/object/apply:os.system ['touch PWNED']\n", "not valid YAML"),
        (b"corpus: [seeds]\n\x1b[2Jevil: 1\n", ":2: not valid YAML (the character '\\x1b' is not allowed)"),
    ],
)
def test_a_config_that_is_not_usable_yaml_is_one_clear_line(tmp_path: Path, content: bytes, words: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and words in message and "\n" not in message, message
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_unknown_keys_are_warned_about_and_the_rest_is_used(tmp_path: Path) -> None:
    path = write(tmp_path, "corpus: [docs]\ncolour: red\nsearch_limt: 5\n\u202eevil: 1\nsearch_limit: 50\n")
    config = load_config(path)
    assert config.search_limit == 50 and config.corpus == (tmp_path / "docs",)
    assert len(config.warnings) == 3
    assert "unknown key 'colour' ignored" in config.warnings[0] and "search_limit" in config.warnings[0]
    assert all(not unsafe_in(w) for w in config.warnings) and "'\\u202eevil'" in config.warnings[2]


def test_an_empty_config_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "# nothing here\n"))
    assert (config.search_limit, config.debounce_ms, config.workers, config.corpus, config.warnings) == (200, 150, None, (), ())


def test_missing_config_files_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="no-such.yaml: config file not found$"):
        load_config(tmp_path / "no-such.yaml")
    with pytest.raises(ConfigError, match="is a folder, not a config file"):
        load_config(tmp_path)
    monkeypatch.setenv("READOUT_CONFIG", str(tmp_path / "gone.yaml"))
    with pytest.raises(ConfigError, match=r"gone.yaml: config file not found \(from READOUT_CONFIG\)"):
        load_config()


@pytest.mark.parametrize(
    "command, content, message",
    [
        ("search", "search_limit: many\n", "key 'search_limit' must be a whole number"),
        ("index", "corpus: [seeds, 7]\n", "key 'corpus' must list paths"),
        ("index", "people: [nobody.yaml]\n", "key 'people'"),
        ("search", "a: &a [x]\nb: *a\n", "YAML aliases"),
    ],
)
def test_readout_reports_a_bad_config_in_one_line(tmp_path: Path, command: str, content: str, message: str) -> None:
    path = write(tmp_path, content)
    args = ("search", "--index", str(tmp_path / "ix"), "x") if command == "search" else ("index", "--index", str(tmp_path / "ix"))
    out = readout(*args, "--config", str(path))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("readout: error: ") and message in lines[0], out.stderr


def test_readout_warns_about_unknown_keys_and_goes_on(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    path = write(tmp_path, f"corpus: [{seeds}]\ncolour: red\n")
    out = readout("index", "--index", str(tmp_path / "ix"), "--config", str(path))
    assert out.returncode == 0, out.stderr
    assert "warning: " in out.stderr and "unknown key 'colour' ignored" in out.stderr


def test_an_unreadable_config_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "search_limit: 5\n")
    path.chmod(0)
    try:
        out = readout("search", "--index", str(tmp_path / "ix"), "--config", str(path), "x", preexec_fn=drop_root_powers())
    finally:
        path.chmod(0o644)
    assert out.returncode == 2 and out.stderr.strip() == f"readout: error: {path}: cannot read (permission denied)"
