"""Frozen entry point: a known CLI command (init, check, backup, …) runs frontdesk.cli, the import helper its worker,
anything else the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Options that come before the command and take a value (as in frontdesk.cli.build_parser()).
_VALUE_OPTIONS = {"--data-dir"}


def cli_commands() -> set[str]:
    """The sub-commands frontdesk.cli knows, read from its parser so a new command needs no change here."""
    import argparse

    from frontdesk.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def first_word(args: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def wants_cli(args: Sequence[str]) -> bool:
    """True when the arguments name a CLI command, or ask the CLI for help (``frontdesk --help``)."""
    word = first_word(args)
    if word is not None:
        return word in cli_commands()
    return any(a in ("-h", "--help") for a in args)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if argv[1:2] == ["--prepare-worker"]:  # a large import's helper process (frontdesk.services.sync.preparer)
        from pathlib import Path

        from frontdesk.services.sync.preparer import serve

        return serve(Path(argv[2]), sys.stdin.buffer, sys.stdout.buffer)
    if wants_cli(argv[1:]):
        from frontdesk.cli import main as cli_main

        return cli_main(argv[1:])
    from frontdesk.app import main as app_main

    return app_main(argv)


if __name__ == "__main__":
    if sys.stdout is None or sys.stderr is None:  # a windowed exe on Windows has no console streams
        import os

        sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        sys.stderr = sys.stderr or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    raise SystemExit(main())
