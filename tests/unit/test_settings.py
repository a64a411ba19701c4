"""Per-installation settings: user options apart from remembered state, and the upgrade of an old file."""

from __future__ import annotations

import json

import pytest

from frontdesk.settings import SETTINGS_VERSION, Persist, Settings

V1_FILE = {"version": 1, "language": "en", "backups_to_keep": 7, "backup_on_start": False, "page_size": 100,
           "last_user": "1001", "window": {"geometry": "AdnQywADAAA="}}


def test_options_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    Settings(language="en", backups_to_keep=3, page_size=20).save(path)
    assert Settings.load(path) == Settings(language="en", backups_to_keep=3, page_size=20)


def test_state_round_trips_apart_from_the_options(tmp_path):
    state, options = tmp_path / "state.json", tmp_path / "settings.json"
    Persist(last_user="1002", window={"geometry": "abc"}).save(state)
    Settings().save(options)
    assert Persist.load(state) == Persist(last_user="1002", window={"geometry": "abc"})
    assert "window" not in json.loads(options.read_text(encoding="utf-8"))


def test_a_version_1_file_gives_its_window_and_last_user_to_the_state(tmp_path):
    options, state = tmp_path / "settings.json", tmp_path / "state.json"
    options.write_text(json.dumps(V1_FILE), encoding="utf-8")
    persist = Persist.load(state, legacy_settings=options)
    settings = Settings.load(options)
    assert persist == Persist(last_user="1001", window={"geometry": "AdnQywADAAA="})
    assert settings == Settings(language="en", backups_to_keep=7, backup_on_start=False, page_size=100)
    assert settings.version == SETTINGS_VERSION
    settings.save(options)
    persist.save(state)
    saved = json.loads(options.read_text(encoding="utf-8"))
    assert "window" not in saved and "last_user" not in saved
    assert Persist.load(state, legacy_settings=options) == persist


def test_the_state_file_wins_over_the_old_settings_file(tmp_path):
    options, state = tmp_path / "settings.json", tmp_path / "state.json"
    options.write_text(json.dumps(V1_FILE), encoding="utf-8")
    Persist(last_user="2001").save(state)
    assert Persist.load(state, legacy_settings=options).last_user == "2001"


def test_out_of_range_options_are_clamped(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "language": "fr", "backups_to_keep": 0, "page_size": 9999}), "utf-8")
    assert Settings.load(path) == Settings(language="zh_CN", backups_to_keep=1, page_size=500)


def test_wrong_types_in_the_state_are_dropped(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"last_user": 5, "window": {"geometry": 3, "splitter": "x"}}), "utf-8")
    assert Persist.load(path) == Persist(last_user="", window={"splitter": "x"})


@pytest.mark.parametrize("text", ["{broken", "[1, 2]"])
def test_an_unreadable_file_gives_defaults(tmp_path, caplog, text):
    for name in ("settings.json", "state.json"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert Settings.load(tmp_path / "settings.json") == Settings()
    assert Persist.load(tmp_path / "state.json") == Persist()


def test_missing_files_give_defaults(tmp_path):
    assert Settings.load(tmp_path / "settings.json") == Settings()
    assert Persist.load(tmp_path / "state.json", legacy_settings=tmp_path / "settings.json") == Persist()
