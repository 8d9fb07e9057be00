"""End to end in a real pseudo-terminal: ``readout`` at 80x24 with TERM=xterm-256color.

The screen is read through a terminal emulator (pyte), as an analyst's
terminal would draw it.  Every wait polls the emulated screen against a
deadline; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import base64
import os
import re
import sys
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from index.store import Store
from tui.core import counted

from tui_support import ROOT

pytest_plugins = ["tui_fixtures"]  # the fixtures of tests/tui (see tui_fixtures.py)

READOUT = Path(sys.executable).with_name("readout")
OSC52 = re.compile(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07")


class Terminal:
    """A child process in an 80x24 pty, its output fed to a pyte screen."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = bytearray()
        self.child = pexpect.spawn(str(READOUT), args, env=env, cwd=str(cwd), dimensions=(24, 80), encoding=None)

    def pump(self, timeout: float = 0.05) -> None:
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise
        self.raw.extend(data)
        self.stream.feed(data)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, what: str | re.Pattern[str], timeout: float = 20.0) -> str:
        """Poll the screen until ``what`` shows (substring or regex); the screen text."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.text
            if (what.search(text) if isinstance(what, re.Pattern) else what in text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"{what!r} did not appear within {timeout} s; the screen shows:\n{text}")
            self.pump()

    def wait_raw(self, pattern: re.Pattern[bytes], timeout: float = 20.0) -> re.Match[bytes]:
        deadline = time.monotonic() + timeout
        while not (match := pattern.search(bytes(self.raw))):
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern.pattern!r} was never written")
            self.pump()
        return match

    def send(self, keys: str) -> None:
        self.child.send(keys.encode())

    def wait_exit(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.pump(0.1)
            except pexpect.EOF:
                break
            if time.monotonic() > deadline:
                raise AssertionError("readout did not exit")
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -(self.child.signalstatus or 0)

    def kill(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


def assert_terminal_restored(raw: bytes) -> None:
    """The app drew on the alternate screen and, on exit, left it, showed the cursor and stopped mouse reporting."""
    assert b"\x1b[?1049h" in raw, "the app used the alternate screen"
    assert raw.rfind(b"\x1b[?1049l") > raw.rfind(b"\x1b[?1049h"), "and left it on exit: the terminal is restored"
    assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l"), "the cursor is shown again"
    assert raw.rfind(b"\x1b[?1000l") > raw.rfind(b"\x1b[?1000h"), "mouse reporting is off again"


@pytest.mark.skipif(not READOUT.exists(), reason="the readout console script is not installed")
def test_readout_in_a_real_terminal(tui_index: Path, tmp_path: Path) -> None:
    store = Store(tui_index)
    expected = store.count("Raimondo", "event")
    first = store.search("Raimondo", kind="event", limit=1, snippets=False).hits[0].event
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "STY", "NO_COLOR", "COLUMNS", "LINES", "TEXTUAL")}
    env.update(TERM="xterm-256color", READOUT_STATE_DIR=str(tmp_path / "state"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    term = Terminal(["--index", str(tui_index), "seeds/"], env, ROOT)
    try:
        term.wait_for("Search:")  # the placeholder of an empty search bar
        term.wait_for(re.compile(r"\d+ events? · \d+ articles?"))
        term.send("Raimondo")
        screen = term.wait_for(f"{expected} events")
        assert "Raimondo" in screen.splitlines()[0], "the query is in the search bar"
        term.send("\r")  # search now, go to the list (its footer offers ⏎ Open)
        term.wait_for("⏎ Open")
        term.send("\r")  # open the event under the cursor
        screen = term.wait_for("evidence")  # the source pane's legend
        assert first["participants"][0] in screen
        term.send("y")
        match = term.wait_raw(OSC52)
        copied = base64.b64decode(match.group(1)).decode("utf-8")
        assert first["article"] in copied and first["type"] in copied
        term.wait_for("Copied event citation")
        term.send("q")
        status = term.wait_exit()
    finally:
        term.kill()
    assert status == 0
    assert_terminal_restored(bytes(term.raw))


@pytest.mark.skipif(not READOUT.exists(), reason="the readout console script is not installed")
@pytest.mark.parametrize("term", ["xterm", "screen", "tmux", "xterm-256color+NO_COLOR"])
def test_other_terminals_resizing_and_no_color(term: str, tui_index: Path, tmp_path: Path) -> None:
    """TERM=xterm, screen and tmux (and NO_COLOR): search, read, shrink the
    terminal to 40x12 and grow it to 200x60 while reading, quit cleanly."""
    env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "STY", "NO_COLOR", "COLUMNS", "LINES", "TEXTUAL", "COLORTERM")}
    name, _, no_color = term.partition("+")
    env.update(TERM=name, READOUT_STATE_DIR=str(tmp_path / "state"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    if no_color:
        env["NO_COLOR"] = "1"
    expected = Store(tui_index).count("Blinken", "event")
    term_ = Terminal(["--index", str(tui_index), "seeds/"], env, ROOT)
    try:
        term_.wait_for(re.compile(r"\d+ events? · \d+ articles?"))
        term_.send("Blinken\r")
        term_.wait_for(counted(expected, "event"))
        term_.wait_for("⏎ Open")
        term_.send("\r")  # open the first event
        term_.wait_for("evidence")
        for rows, cols in ((12, 40), (60, 200), (24, 80)):
            term_.screen.resize(rows, cols)
            term_.child.setwinsize(rows, cols)
            # the app redraws at the new size: the status line is on the row above the footer
            deadline = time.monotonic() + 20
            while not (re.match(r" \d+ ev", term_.screen.display[rows - 2]) and "Back" in term_.screen.display[rows - 1]):
                assert time.monotonic() < deadline, f"not redrawn at {cols}x{rows}:\n" + "\n".join(term_.screen.display)
                term_.pump()
            assert term_.child.isalive()
        term_.send("\x1b")  # back to the list (its footer offers ⏎ Open)
        term_.wait_for("⏎ Open")
        term_.send("q")
        status = term_.wait_exit()
    finally:
        term_.kill()
    assert status == 0
    raw = bytes(term_.raw)
    assert_terminal_restored(raw)
    colours = colours_used(raw)
    assert colours, "some styling reached the terminal"
    if no_color:
        hues = {c for c in colours if not is_grey(c)}
        assert not hues, f"NO_COLOR: only greys (and bold, italic, reverse…), not {sorted(hues)[:5]}"


def colours_used(raw: bytes) -> set[tuple[int, ...]]:
    """Every colour in the SGR sequences of ``raw``: (n,) for the 16 basic
    colours, (5, n) for 256-colour, (2, r, g, b) for true colour."""
    found: set[tuple[int, ...]] = set()
    for params in re.findall(rb"\x1b\[([0-9;]*)m", raw):
        parts = [int(p) for p in params.split(b";") if p]
        i = 0
        while i < len(parts):
            p = parts[i]
            if p in (38, 48) and i + 1 < len(parts):
                size = 5 if parts[i + 1] == 2 else 3
                found.add(tuple(parts[i + 1 : i + size]))
                i += size
                continue
            if 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
                found.add((p % 10,) if p < 90 else (p % 10 + 8,))
            i += 1
    return found


def is_grey(colour: tuple[int, ...]) -> bool:
    if colour[0] == 2 and len(colour) == 4:
        return colour[1] == colour[2] == colour[3]
    if colour[0] == 5 and len(colour) == 2:
        n = colour[1]
        return n in (0, 7, 8, 15, 16, 231) or 232 <= n <= 255
    return colour[0] in (0, 7, 8, 15)  # black, white, bright black, bright white
