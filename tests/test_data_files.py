"""The knowledge files are hand-edited YAML: a key written twice silently drops
the first list (PyYAML keeps the last), so a word added in one place vanishes."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted((ROOT / "index" / "data").glob("*.yaml")) + [ROOT / "config.yaml"]


class _StrictLoader(yaml.SafeLoader):
    """A loader that refuses a mapping with the same key twice."""


def _no_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_no_key_is_written_twice(path: Path) -> None:
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


def test_the_strict_loader_catches_a_repeated_key() -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'go'"):
        yaml.load("go: [a]\ngo: [b]\n", Loader=_StrictLoader)
