"""Where the installer's inputs and outputs live; shared by frontdesk.spec, build.py and tests/installer."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
BUILD = INSTALLER / "build"  # PyInstaller's work folder
DIST = INSTALLER / "dist"  # the bundle, the tarball, the Inno include, figures.json
APP_NAME = "FrontDesk"
BUNDLE = DIST / APP_NAME  # onedir: the folder a counter PC gets
FIGURES = DIST / "figures.json"
# the window (and, on Linux, the CLI too); Windows also gets a console exe for the CLI
EXE_NAME = APP_NAME if sys.platform == "win32" else "frontdesk"
CLI_EXE_NAME = "frontdesk-cli"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""

# What the bundle must be rebuilt for when it changes.
SOURCES = ("frontdesk", "resources", "installer/frontdesk.spec", "installer/frontdesk_entry.py", "pyproject.toml")


def version() -> str:
    """The project version from pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def bundle_exe() -> Path:
    return BUNDLE / f"{EXE_NAME}{EXE_SUFFIX}"


def tarball() -> Path:
    machine = os.uname().machine if hasattr(os, "uname") else "x86_64"
    return DIST / f"{APP_NAME}-{version()}-linux-{machine}.tar.gz"


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder`` (symlinks not followed, not counted twice)."""
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def newest_source_mtime() -> float:
    newest = 0.0
    for rel in SOURCES:
        path = ROOT / rel
        paths = path.rglob("*") if path.is_dir() else [path]
        for p in paths:
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".ts"):
                newest = max(newest, p.stat().st_mtime)
    return newest


def bundle_is_current() -> bool:
    """True when the bundle exists and is newer than every source it was built from."""
    exe = bundle_exe()
    return exe.exists() and exe.stat().st_mtime >= newest_source_mtime()
