"""The app in a pseudo-terminal: start to a usable screen, and Enter to results painted.

Runs ``readout --index DIR CORPUS`` as a user would (pexpect), keeps a
virtual screen (pyte) and watches for the status line's counts
("N events · M articles").  Start is measured from spawning the process to
the counts of the opening query on screen; a search from pressing Enter in
the search bar to the new query's exact counts on screen.  "On screen" is
when the bytes that drew them reached the terminal: the emulator's own
parsing time (pyte is pure Python, 20-45 ms for a full frame) is not counted.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

COUNTS = re.compile(r"([\d,]+) events? · ([\d,]+) articles?")
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
        self.arrived = time.perf_counter()
        """When the bytes last fed to the emulator reached us (before pyte parsed them)."""

    def pump(self, timeout: float) -> None:
        """Read what the app wrote (all of it that is there) and feed it to the emulator.

        The arrival time is taken before parsing: pyte, a pure-Python
        emulator, takes 20-45 ms to parse a full frame that a real terminal
        draws in well under a millisecond, and that is not the app's time.
        """
        import pexpect

        chunks = []
        try:
            chunks.append(self.child.read_nonblocking(1 << 16, timeout=timeout))
            while True:  # whatever else is already waiting, so it counts as arrived now
                chunks.append(self.child.read_nonblocking(1 << 16, timeout=0))
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            if not chunks:
                raise AppMissing("the app exited:\n" + self.text()) from None
        if not chunks:
            return
        self.arrived = time.perf_counter()
        self.stream.feed(b"".join(chunks))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, predicate, timeout: float) -> float:
        """The moment the output that made ``predicate(screen text)`` hold reached us (pumping meanwhile)."""
        started = time.perf_counter()
        deadline = started + timeout
        if predicate(self.text()):
            return started
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError("screen never showed what was expected; last screen:\n" + self.text())
            self.pump(min(0.02, remaining))
            if predicate(self.text()):
                return self.arrived


def _bar(text: str) -> str:
    """The search bar: the first line of the screen."""
    return text.split("\n", 1)[0].strip()


LINGER_S = 1.0
"""How long each start is left running before the next: long enough for the
app to finish what follows the first frame (keeping the opening results)."""


def _counts_are(events: int, articles: int):
    def check(text: str) -> bool:
        for m in COUNTS.finditer(text):
            if int(m.group(1).replace(",", "")) == events and int(m.group(2).replace(",", "")) == articles:
                return True
        return False

    return check


def measure(
    index_dir: Path,
    corpus: Path,
    queries: Sequence[str],
    expected: Mapping[str, tuple[int, int]],
    opening: tuple[int, int],
    env: Mapping[str, str],
    starts: int = 3,
    before_start: Callable[[], object] | None = None,
) -> dict[str, list[float]]:
    """Seconds to a usable screen (``starts`` runs) and Enter-to-painted per query.

    ``expected``: query -> (events, articles) it must show; ``opening``: the
    counts of the empty opening query; ``before_start`` runs before each
    start, untimed (to discard the opening results the app keeps).
    """
    import pexpect

    # searches run on Enter only: a long search-as-you-type pause keeps typing from searching
    config = Path(env.get("XDG_CACHE_HOME", "/tmp")).parent / "bench-config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"corpus:\n  - {corpus}\ndebounce_ms: 10000\n", encoding="utf-8")
    argv = [sys.executable, "-m", "tui", "--config", str(config), "--index", str(index_dir), str(corpus)]
    start_times: list[float] = []
    search_times: list[float] = []
    for run in range(starts):
        if before_start is not None:
            before_start()
        started = time.perf_counter()
        child = pexpect.spawn(argv[0], argv[1:], env=dict(env), dimensions=(ROWS, COLUMNS), cwd=str(Path(__file__).resolve().parent.parent))
        # pexpect sleeps 50 ms before every send by default (delaybeforesend): that
        # sleep fell between ``sent`` and the Enter reaching the app, and was counted
        child.delaybeforesend = None
        screen = Screen(child)
        try:
            start_times.append(screen.wait_for(_counts_are(*opening), timeout=60) - started)
            if not (queries and run == starts - 1):
                time.sleep(LINGER_S)  # a session, however short, outlives the start-up work
            if queries and run == starts - 1:  # searches in the last session
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
                    search_times.append(screen.wait_for(_counts_are(*expected[query]), timeout=30) - sent)
                    time.sleep(0.2)
        finally:
            child.terminate(force=True)
    return {"start": start_times, "search": search_times}
