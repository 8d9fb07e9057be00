"""index/ must stay UI-free: no textual, no rich, ever."""

import ast
import subprocess
import sys
from pathlib import Path

INDEX = Path(__file__).resolve().parent.parent / "index"
FORBIDDEN = ("textual", "rich")


def test_no_module_of_index_imports_ui_libraries_statically() -> None:
    offenders = []
    for path in sorted(INDEX.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_and_running_the_pipeline_loads_no_ui_library() -> None:
    code = (
        "import sys, pathlib\n"
        "import index.pipeline, index.store, index.indexer, index.config, index.load\n"
        "from index.load import load_articles\n"
        "from index.pipeline import extract\n"
        "from index.model import Article\n"
        "arts = [a for a in load_articles([pathlib.Path('seeds')]) if isinstance(a, Article)]\n"
        "assert arts and all(extract(a) for a in arts)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=INDEX.parent, check=True)
    assert out.stdout.strip() == "[]"
