"""Timing, statistics and memory helpers for the benchmark (standard library only)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence


def figure(values: Sequence[float], unit: str, digits: int = 3) -> dict[str, Any]:
    """A benchmark figure: the median over repeated runs, with min, max and the runs."""
    values = [float(v) for v in values]
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0, "unit": unit, "runs": []}
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
        "n": len(values),
        "unit": unit,
        "runs": [round(v, digits) for v in values],
    }


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(x) for x in handle.read().split()]
    except OSError:
        return []


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def _proc_kb(path: str, key: str) -> int | None:
    """The KiB figure on the ``key`` line of a /proc file, or None."""
    try:
        with open(path, encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _pss_kb(pid: int) -> int:
    """Proportional set size (shared pages split between their users), in KiB;
    resident size where there is no smaps_rollup (old kernel, other OS)."""
    pss = _proc_kb(f"/proc/{pid}/smaps_rollup", "Pss:")
    if pss is not None:
        return pss
    return _proc_kb(f"/proc/{pid}/status", "VmRSS:") or 0


class TreeMemory:
    """Samples the memory of a process and all its children; keeps the peak of the sum."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            total = sum(_pss_kb(p) for p in _tree(self.pid))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join(timeout=2)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_measured(argv: Sequence[str], env: Mapping[str, str] | None = None, cwd: Path | None = None, timeout: float | None = None) -> Run:
    """Run a command; wall time and the peak memory of its whole process tree."""
    started = time.perf_counter()
    proc = subprocess.Popen(list(argv), env=dict(env) if env else None, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as memory:
        try:
            stdout, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            stdout, stderr = proc.communicate()
    return Run(time.perf_counter() - started, memory.peak_mb, proc.returncode, stdout, stderr)


def machine() -> dict[str, Any]:
    """What the numbers were measured on (and how busy it was)."""
    info: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    try:
        info["loadavg_start"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as handle:
            info["memory_gb"] = round(int(handle.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value
