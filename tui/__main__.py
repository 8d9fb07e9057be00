"""``readout`` and ``python -m tui``: the command, started without the
garbage collector.

Start-up builds some hundred thousand objects -- modules, classes, the
widgets, the index's structures -- that all live as long as the program;
the collector kept walking them while they were made (about 20 ms of the
app's start, in Python's imports alone).  It is off until there is a
moment to spare: a sub-command turns it back on as soon as it is chosen,
the app once its first results are drawn (``ReadoutApp.resume_collector``).
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    from tui.cli import main as run_command

    return run_command()


if __name__ == "__main__":
    raise SystemExit(main())
