"""Helpers shared by the app's tests (a module of its own: ``conftest`` is a
name every test folder uses, so it is not imported from)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerFailed, WorkerState

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FRESHNESS = "index updated 5 minutes ago"


def main_screen(app: Any) -> Any:
    """The app's main screen, whatever is open over it."""
    from tui.screens.main import MainScreen

    return next(s for s in app.screen_stack if isinstance(s, MainScreen))


def footer_keys(app: Any) -> str:
    """The footer's text: the keys offered right now."""
    from tui.widgets.key_bar import KeyBar

    return app.screen.query_one(KeyBar).render().plain


async def settle(pilot: Pilot, rounds: int = 50, ignore: tuple[str, ...] = ()) -> None:
    """Run pending searches and wait for every worker and the messages they post.

    Debounced searches and the start-up index check are started at once
    (their timers would fire anyway);
    then workers are awaited and the message queues drained, until a round
    finds nothing left to do.  Workers of the groups in ``ignore`` (say a
    re-index a test holds back on purpose) are not waited for.
    """
    from tui.screens.main import MainScreen

    app = pilot.app
    for _ in range(rounds):
        for main in [s for s in app.screen_stack if isinstance(s, MainScreen)]:
            if main.search_pending:
                main.flush_search()
        for worker in list(app.workers):
            if worker.group not in ignore and worker.state is WorkerState.RUNNING:
                try:
                    await worker.wait()
                except (WorkerCancelled, WorkerFailed):
                    pass
        await pilot.pause()  # handles what the workers posted (which may start more work)
        busy = any(w.group not in ignore and w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers)
        if not busy and not any(isinstance(s, MainScreen) and s.search_pending for s in app.screen_stack):
            waiting = [s for s in app.screen_stack if isinstance(s, MainScreen) and s.startup_check_pending]
            if not waiting:
                return
            for main in waiting:  # its timer fires within a second anyway; a loaded machine is slow to get there
                main.flush_startup_check()
    raise AssertionError("the app did not settle: a worker or search keeps restarting")


def screen_text(app: Any) -> str:
    """What the terminal shows now, as lines of plain text."""
    update = app.screen._compositor.render_full_update()
    lines = []
    for line in update.strips:  # a Strip, or the strips (chops) making up a line
        lines.append(line.text if hasattr(line, "text") else "".join(strip.text for strip in line))
    return "\n".join(lines)
