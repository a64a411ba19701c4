"""The English translation file: complete, placeholders intact, and in step with the source strings."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "frontdesk_en.ts"
PLACEHOLDER = re.compile(r"\{\d+\}")

# The one lupdate command (the README names it); it makes lupdate read frontdesk.errors.T as QT_TRANSLATE_NOOP.
UPDATE_SCRIPT = ROOT / "resources" / "translations" / "update.sh"

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


def _messages(path: Path) -> dict[Key, ET.Element]:
    root = ET.parse(path).getroot()
    found: dict[Key, ET.Element] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def _describe(key: Key) -> str:
    context, source, comment = key
    return f"[{context}] {source!r}" + (f" (comment {comment!r})" if comment else "")


def _lupdate() -> str | None:
    beside_python = Path(sys.executable).with_name("pyside6-lupdate")
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("pyside6-lupdate")


def test_every_message_is_translated_with_matching_placeholders() -> None:
    messages = _messages(TS_FILE)
    assert messages, f"no messages in {TS_FILE}"
    problems = []
    for key, message in messages.items():
        translation = message.find("translation")
        if translation is None:
            problems.append(f"{_describe(key)}: no <translation>")
            continue
        kind = translation.get("type")
        if kind:
            problems.append(f"{_describe(key)}: translation marked {kind!r}")
        if message.get("numerus") == "yes":
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if forms else [""]
        else:
            texts = [translation.text or ""]
        for text in texts:
            if not text.strip():
                problems.append(f"{_describe(key)}: empty translation")
            elif Counter(PLACEHOLDER.findall(key[1])) != Counter(PLACEHOLDER.findall(text)):
                problems.append(f"{_describe(key)}: placeholders differ in {text!r}")
    assert not problems, f"{len(problems)} problem(s) in {TS_FILE.name}:\n" + "\n".join(problems)


def test_every_source_string_is_in_the_committed_ts(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate not found (install PySide6 into the venv to check source coverage)")
    fresh = tmp_path / "fresh_en.ts"
    result = subprocess.run(
        ["bash", str(UPDATE_SCRIPT), "-silent", "-locations", "none"],
        capture_output=True, text=True, timeout=60, check=False,
        env=dict(os.environ, LUPDATE=lupdate, TS=str(fresh)),
    )
    assert result.returncode == 0 and fresh.exists(), f"{UPDATE_SCRIPT.name} failed:\n{result.stdout}\n{result.stderr}"
    committed = _messages(TS_FILE)
    missing = [key for key in _messages(fresh) if key not in committed]
    assert not missing, (
        f"{len(missing)} source string(s) missing from {TS_FILE.name}; run bash {UPDATE_SCRIPT.relative_to(ROOT)} "
        "and translate them:\n" + "\n".join(_describe(key) for key in missing)
    )


def test_no_message_is_extracted_without_a_context() -> None:
    """lupdate files a module-level tr() helper or a `tr = QCoreApplication.translate` alias under "".

    Nothing is ever looked up in that context at run time, so those strings stay Chinese in English.
    """
    stray = [
        f"{_describe(key)} at "
        + ", ".join(f"{loc.get('filename', '').removeprefix('../../')}:{loc.get('line')}" for loc in message.iter("location"))
        for key, message in _messages(TS_FILE).items()
        if not key[0]
    ]
    assert not stray, (
        f"{len(stray)} message(s) in the empty context of {TS_FILE.name}; call "
        'QCoreApplication.translate("Context", "literal") directly (or self.tr inside a class):\n' + "\n".join(stray)
    )


def test_the_qt_free_markers_live_next_to_each_other_in_errors() -> None:
    """Code below the UI marks text with frontdesk.errors' QT_TRANSLATE_NOOP and T, defined nowhere else."""
    defined, imported_elsewhere = [], []
    for path in sorted((ROOT / "frontdesk").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(ROOT).as_posix()
        if re.search(r"^def (QT_TRANSLATE_NOOP|T)\(", text, re.MULTILINE):
            defined.append(relative)
        if "ui" not in path.parts and re.search(r"^from (?!frontdesk\.errors ).* import .*QT_TRANSLATE_NOOP", text,
                                                re.MULTILINE):
            imported_elsewhere.append(relative)
    assert defined == ["frontdesk/errors.py"]
    assert imported_elsewhere == []
