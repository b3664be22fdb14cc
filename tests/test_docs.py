"""Docs that cannot rot: every command and option of the CLI appears in the README."""

from __future__ import annotations

import argparse

import pytest

from newsaudit.cli import _parser
from paths import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield path + (name,), None
                yield from _walk(child, path + (name,))
        elif action.option_strings and action.dest not in ("help", "version"):
            yield path, max(action.option_strings, key=len)


ITEMS = sorted(set(_walk(_parser())), key=str)


@pytest.mark.parametrize("path, option", ITEMS, ids=[" ".join(p) + f" {o or ''}" for p, o in ITEMS])
def test_cli_is_documented(path, option):
    if option is None:
        assert f"newsaudit {' '.join(path)}" in README or path[-1] in README, path
    else:
        assert option in README, f"`newsaudit {' '.join(path)} {option}` is not in the README"


def test_exit_codes_documented():
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 4 |"):
        assert code in README
