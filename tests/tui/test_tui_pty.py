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
        term.wait_for(re.compile(r"\d+ events · \d+ articles"))
        term.send("Raimondo")
        screen = term.wait_for(f"{expected} events")
        assert "Raimondo" in screen.splitlines()[0], "the query is in the search bar"
        term.send("\r")  # search now, go to the list
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
    raw = bytes(term.raw)
    assert b"\x1b[?1049h" in raw, "the app used the alternate screen"
    assert raw.rfind(b"\x1b[?1049l") > raw.rfind(b"\x1b[?1049h"), "and left it on exit: the terminal is restored"
    assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l"), "the cursor is shown again"
    assert raw.rfind(b"\x1b[?1000l") > raw.rfind(b"\x1b[?1000h"), "mouse reporting is off again"
