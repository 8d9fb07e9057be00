"""The ``readout`` command: index, search, events, entities, and the app.

Article text only ever reaches the terminal as ``rich.text.Text`` (never
as markup), so ``[bold]`` or an escape sequence in a story stays inert.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from index.config import Config, ConfigError, default_index_dir, load_config
from index.model import Problem
from index.results import IndexBusy, IndexUnreadable, QueryError

if TYPE_CHECKING:  # the pipeline and Whoosh are imported where they are used: the app starts without them
    from index.indexer import IndexReport
    from index.store import Store

SUBCOMMANDS = ("index", "search", "events", "entities")
LAST_INDEX_FILE = "last-index"


class UserError(Exception):
    """A mistake of the user's: one clear line, exit status 2."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", metavar="DIR", help="index folder (default: $READOUT_INDEX, config.yaml, or the cache folder)")
    parser.add_argument("--config", metavar="FILE", help="config file (default: ./config.yaml)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="readout", description="Follow diplomatic engagements in the news: extract, index, search, browse.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p = sub.add_parser("index", help="build or update the index")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: config.yaml's corpus)")
    p.add_argument("--rebuild", action="store_true", help="build from scratch (also repairs a damaged index)")
    p.add_argument("--workers", type=int, default=None, help="extraction processes (default: up to 2)")
    _common(p)
    p = sub.add_parser("search", help="search the index")
    p.add_argument("query", help='e.g. person:Raimondo place:Detroit, "trade talks", Nakaso*')
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--events", action="store_const", dest="kind", const="event", help="events only")
    kind.add_argument("--articles", action="store_const", dest="kind", const="article", help="articles only")
    p.add_argument("--limit", type=int, default=20, help="hits to show (default 20)")
    p.add_argument("--json", action="store_true", help="one JSON object per hit per line")
    _common(p)
    for name, what in (("events", "events"), ("entities", "entity mentions")):
        p = sub.add_parser(name, help=f"extract and print {what} (no index needed)")
        p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: config.yaml's corpus)")
        p.add_argument("--json", action="store_true", help="one JSON object per line")
        _common(p)
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readout",
        description="Open the Readout browser (sub-commands: index, search, events, entities; see readout COMMAND --help).",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="sources to browse (default: config.yaml's corpus)")
    _common(parser)
    return parser


# --- resolving settings ----------------------------------------------------------------


def _config(args: argparse.Namespace) -> Config:
    try:
        return load_config(args.config)
    except ConfigError as error:
        raise UserError(str(error)) from None


def _corpus(args: argparse.Namespace, config: Config) -> list[Path]:
    paths = list(getattr(args, "paths", None) or config.corpus)
    if not paths:
        raise UserError("no sources given and config.yaml names no corpus")
    for path in paths:
        if not Path(path).exists():
            raise UserError(f"{path}: no such file or folder")
    return [Path(p) for p in paths]


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("readout", appauthor=False))


def resolve_index_dir(args: argparse.Namespace, config: Config, corpus: Sequence[Path] | None) -> Path:
    """--index, then $READOUT_INDEX, then config.yaml, then the corpus's cache folder."""
    if getattr(args, "index", None):
        return Path(args.index).expanduser()
    if os.environ.get("READOUT_INDEX"):
        return Path(os.environ["READOUT_INDEX"]).expanduser()
    if config.index:
        return config.index
    if corpus is None:  # `readout search`: the index `readout index` wrote last
        pointer = _cache_dir() / LAST_INDEX_FILE
        if pointer.is_file():
            return Path(pointer.read_text(encoding="utf-8").strip())
        corpus = config.corpus
    return default_index_dir(corpus)


def _remember_index(path: Path) -> None:
    try:
        cache = _cache_dir()
        cache.mkdir(parents=True, exist_ok=True)
        tmp = cache / (LAST_INDEX_FILE + ".tmp")
        tmp.write_text(str(path.resolve()), encoding="utf-8")
        os.replace(tmp, cache / LAST_INDEX_FILE)
    except OSError:
        pass


# --- commands ----------------------------------------------------------------------------------


def run_index(
    corpus: Sequence[Path], index_dir: Path, config: Config, rebuild: bool = False, workers: int | None = None, console: Console | None = None
) -> IndexReport:
    """Index with a progress bar on stderr; returns the report."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from index.indexer import Indexer
    from index.store import Store

    err = console or Console(stderr=True, highlight=False)
    with Progress(
        TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal
    ) as progress:
        tasks: dict[str, Any] = {}

        def on_progress(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = progress.add_task(what, total=max(total, 1))
            progress.update(tasks[what], completed=done, total=max(total, 1))

        indexer = Indexer(
            Store(index_dir),
            workers=workers if workers is not None else config.workers,
            extra_people=tuple(config.people),
            progress=on_progress,
            on_wait=lambda: err.print(Text(f"Another `readout index` is writing {index_dir}; waiting for it to finish…")),
        )
        return indexer.run(corpus, rebuild=rebuild)


def cmd_index(args: argparse.Namespace, out: Console, err: Console) -> int:
    config = _config(args)
    corpus = _corpus(args, config)
    index_dir = resolve_index_dir(args, config, corpus)
    try:
        report = run_index(corpus, index_dir, config, rebuild=args.rebuild, workers=args.workers, console=err)
    except OSError as error:  # a full disk, a folder we may not write: the index stays as it was
        reason = error.strerror or type(error).__name__
        raise UserError(f"cannot write the index in {index_dir} ({reason}); the index is as it was before this run") from None
    _remember_index(index_dir)
    skipped = report.skipped
    warnings = [p for p in report.problems if p.severity != "skipped"]
    summary = Text()
    summary.append(f"Indexed {index_dir}\n", style="bold")
    summary.append(f"  articles read      {report.articles_read}\n")
    summary.append(f"  (re)indexed       {report.articles_indexed}  unchanged {report.articles_unchanged}  removed {report.articles_removed}\n")
    summary.append(f"  events found      {report.events}\n")
    summary.append(f"  skipped           {len(skipped)}\n")
    summary.append(f"  seconds           {report.seconds:.1f}")
    out.print(summary)
    for problem in skipped[:50]:
        err.print(Text(f"  skipped {problem}", style="yellow"))
    if len(skipped) > 50:
        err.print(Text(f"  … and {len(skipped) - 50} more skipped", style="yellow"))
    for problem in warnings[:20]:
        err.print(Text(f"  warning {problem}", style="dim"))
    return 0


def _open_store(args: argparse.Namespace) -> Store:
    from index.store import Store

    config = _config(args)
    index_dir = resolve_index_dir(args, config, None)
    store = Store(index_dir)
    if not store.exists():
        raise UserError(f"{index_dir}: no index here yet; run `readout index` first")
    return store


def cmd_search(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    store = _open_store(args)
    try:
        page = store.search(args.query, kind=args.kind, limit=args.limit)
    except QueryError as error:
        raise UserError(f"query {args.query!r}: {error}") from None
    if args.json:
        for hit in page.hits:
            record = {
                "kind": hit.kind,
                "article": hit.article,
                "title": hit.title,
                "date": hit.date,
                "score": round(hit.score, 4),
                "snippets": [{"text": s.text, "highlights": [h.as_list() for h in s.highlights]} for s in hit.snippets],
            }
            if hit.event:
                record["event"] = hit.event
            out.print(json.dumps(record, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return 0
    from rich.table import Table

    table = Table(title=Text(f"{page.total} hits for {args.query}  ({page.seconds * 1000:.0f} ms)"), show_lines=False, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("what", ratio=1)
    table.add_column("snippet", ratio=2)
    for hit in page.hits:
        if hit.event:
            e = hit.event
            what = Text(f"{e['type']} · {e['status']}\n", style="bold")
            what.append(", ".join(e["participants"]))
            if e.get("location"):
                what.append(f" @ {e['location']}")
        else:
            what = Text(hit.title)
        table.add_row(hit.kind, hit.date, what, snippet_text(hit.snippets))
    out.print(table)
    return 0


def snippet_text(snippets: Sequence[Any]) -> Text:
    """Snippets as Rich Text with the matched words styled (never markup)."""
    text = Text()
    for n, snippet in enumerate(snippets):
        if n:
            text.append(" … ")
        piece = Text(" ".join(snippet.text.split("\n")))
        for span in snippet.highlights:
            piece.stylize("bold reverse", span.start, span.end)
        text.append_text(piece)
    return text


_UNDATED_NOTES = 20
"""Undated articles named one by one on stderr before the rest are only counted."""


def _extractions(args: argparse.Namespace, err: Console):
    from index.knowledge import default_knowledge
    from index.load import load_articles
    from index.pipeline import extract

    config = _config(args)
    corpus = _corpus(args, config)
    kb = default_knowledge(tuple(config.people))
    undated = 0
    for item in load_articles(corpus):
        if isinstance(item, Problem):
            err.print(Text(f"{'skipped' if item.severity == 'skipped' else 'warning'} {item}", style="yellow"))
            continue
        found = extract(item, kb)
        if item.published is None:  # say so: its dates are an estimate, or not resolved at all
            undated += 1
            where = f"{item.path} ({item.id})" if item.path and item.path != item.id else item.id
            if found.dated_by is not None:
                said = f"note {where}: no date given; dated from its text as {found.dated_by.earliest} to {found.dated_by.latest}, its event dates marked estimated"
            else:
                said = f"note {where}: no date given and too few clues to date it; relative dates ('next week') are left unresolved"
            if undated <= _UNDATED_NOTES:
                err.print(Text(said, style="dim"))
        yield found
    if undated > _UNDATED_NOTES:
        err.print(Text(f"note: {undated} articles in all came with no date ({undated - _UNDATED_NOTES} more than listed)", style="dim"))


def cmd_events(args: argparse.Namespace, out: Console, err: Console) -> int:
    if args.json:
        for extraction in _extractions(args, err):
            for event in extraction.events:
                out.file.write(json.dumps(event.to_json(), ensure_ascii=False) + "\n")
        return 0
    from rich.table import Table

    table = Table(expand=True)
    for column in ("article", "date", "type", "status", "participants", "place", "sentence"):
        table.add_column(column, ratio=3 if column == "sentence" else None)
    for extraction in _extractions(args, err):
        for e in extraction.events:
            table.add_row(
                Text(e.article), Text(e.date.text if e.date else ""), Text(e.type), Text(e.status),
                Text(", ".join(e.participants)), Text(e.location or ""), Text(e.sentence),
            )
    out.print(table)
    return 0


def cmd_entities(args: argparse.Namespace, out: Console, err: Console) -> int:
    rows = []
    for extraction in _extractions(args, err):
        for m in extraction.mentions:
            record = {"article": extraction.article.id, "kind": m.kind, "text": m.text, "canonical": m.canonical, "span": m.span.as_list()}
            if m.country:
                record["country"] = m.country
            if m.role:
                record["role"] = m.role
            if args.json:
                out.file.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                rows.append(record)
    if not args.json:
        from rich.table import Table

        table = Table(expand=True)
        for column in ("article", "kind", "text", "canonical", "country", "role"):
            table.add_column(column)
        for r in rows:
            table.add_row(*(Text(str(r.get(c, "") or "")) for c in ("article", "kind", "text", "canonical", "country", "role")))
        out.print(table)
    return 0


def cmd_app(args: argparse.Namespace, out: Console, err: Console) -> int:
    config = _config(args)
    corpus = _corpus(args, config)
    index_dir = resolve_index_dir(args, config, corpus)
    from tui.app import run_app

    _remember_index(index_dir)
    return run_app(config=config, corpus=corpus, index_dir=index_dir)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    out = Console(highlight=False, soft_wrap=False)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        if argv and argv[0] in SUBCOMMANDS or any(a in ("-h", "--help") for a in argv[:1]):
            args = build_parser().parse_args(argv)
            handler = {"index": cmd_index, "search": cmd_search, "events": cmd_events, "entities": cmd_entities}.get(args.command)
            if handler is None:
                build_parser().print_help()
                return 0
        else:
            args = build_app_parser().parse_args(argv)
            handler = cmd_app
        if handler is not cmd_app:
            gc.enable()  # off while ``readout`` started (tui/__main__.py); the app turns it on itself
        for warning in _config(args).warnings:
            err.print(Text(f"warning: {warning}", style="yellow"))
        return handler(args, out, err)
    except UserError as error:
        err.print(Text(f"readout: error: {error}", style="red"))
        return 2
    except (IndexUnreadable, IndexBusy) as error:
        err.print(Text(f"readout: error: {error}", style="red"))
        return 2
    except KeyboardInterrupt:
        err.print(Text("readout: interrupted; the index keeps its last complete state", style="yellow"))
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
