"""The app in a pseudo-terminal: start to a usable screen, and Enter to results painted.

Runs ``readout --index DIR CORPUS`` as a user would (pexpect), keeps a
virtual screen (pyte) and watches for the status line's counts
("N events · M articles").  Start is measured from spawning the process to
the counts of the opening query on screen; a search from pressing Enter in
the search bar to the new query's exact counts on screen.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any, Mapping, Sequence

COUNTS = re.compile(r"([\d,]+) events · ([\d,]+) articles")
ROWS, COLUMNS = 40, 140


class AppMissing(RuntimeError):
    """The terminal app is not there (yet): the measurement is skipped."""


def app_available() -> str | None:
    """None if the app can be measured, else why not."""
    try:
        import pexpect  # noqa: F401
        import pyte  # noqa: F401
    except ImportError as error:
        return f"pexpect/pyte not installed ({error}); pip install -e '.[test]'"
    try:
        from tui import app  # noqa: F401
    except Exception as error:  # not written yet, or broken
        return f"the terminal app (tui/app.py) is not available: {type(error).__name__}: {error}"
    if not hasattr(app, "run_app"):
        return "tui/app.py has no run_app yet"
    return None


class Screen:
    def __init__(self, child: Any) -> None:
        import pyte

        self.child = child
        self.screen = pyte.Screen(COLUMNS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    def pump(self, timeout: float) -> None:
        import pexpect

        try:
            data = self.child.read_nonblocking(1 << 16, timeout=timeout)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise AppMissing("the app exited:\n" + self.text()) from None
        self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, predicate, timeout: float) -> float:
        """Seconds until ``predicate(screen text)`` holds (pumping output meanwhile)."""
        started = time.perf_counter()
        deadline = started + timeout
        while True:
            if predicate(self.text()):
                return time.perf_counter() - started
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("screen never showed what was expected; last screen:\n" + self.text())
            self.pump(min(0.02, remaining))


def _bar(text: str) -> str:
    """The search bar: the first line of the screen."""
    return text.split("\n", 1)[0].strip()


def _counts_are(events: int, articles: int):
    def check(text: str) -> bool:
        for m in COUNTS.finditer(text):
            if int(m.group(1).replace(",", "")) == events and int(m.group(2).replace(",", "")) == articles:
                return True
        return False

    return check


def measure(index_dir: Path, corpus: Path, queries: Sequence[str], expected: Mapping[str, tuple[int, int]], opening: tuple[int, int], env: Mapping[str, str], starts: int = 3) -> dict[str, list[float]]:
    """Seconds to a usable screen (``starts`` runs) and Enter-to-painted per query.

    ``expected``: query -> (events, articles) it must show; ``opening``: the
    counts of the empty opening query.
    """
    import pexpect

    # searches run on Enter only: a long search-as-you-type pause keeps typing from searching
    config = Path(env.get("XDG_CACHE_HOME", "/tmp")).parent / "bench-config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"corpus:\n  - {corpus}\ndebounce_ms: 10000\n", encoding="utf-8")
    argv = [sys.executable, "-m", "tui.cli", "--config", str(config), "--index", str(index_dir), str(corpus)]
    start_times: list[float] = []
    search_times: list[float] = []
    for run in range(starts):
        started = time.perf_counter()
        child = pexpect.spawn(argv[0], argv[1:], env=dict(env), dimensions=(ROWS, COLUMNS), cwd=str(Path(__file__).resolve().parent.parent))
        # pexpect sleeps 50 ms before every send by default (delaybeforesend): that
        # sleep fell between ``sent`` and the Enter reaching the app, and was counted
        child.delaybeforesend = None
        screen = Screen(child)
        try:
            screen.wait_for(_counts_are(*opening), timeout=60)
            start_times.append(time.perf_counter() - started)
            if run == starts - 1:  # searches in the last session
                time.sleep(0.5)  # let the start-up work (index check) settle
                previous = ""
                for query in queries:
                    child.send("/")  # to the search bar (typed into it when it has the focus)
                    time.sleep(0.2)
                    child.send("\x05" + "\x7f" * (len(previous) + 8))  # ctrl+e, then backspaces: empty it
                    screen.wait_for(lambda text: _bar(text) == "" or _bar(text).startswith("Search:"), timeout=10)
                    child.send(query)
                    screen.wait_for(lambda text: _bar(text).startswith(query), timeout=10)
                    previous = query
                    sent = time.perf_counter()
                    child.send("\r")
                    screen.wait_for(_counts_are(*expected[query]), timeout=30)
                    search_times.append(time.perf_counter() - sent)
                    time.sleep(0.2)
        finally:
            child.terminate(force=True)
    return {"start": start_times, "search": search_times}
