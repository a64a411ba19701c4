"""The model registry knows every module in db/models and every model in them, so no table is left out."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import peewee

import frontdesk.db.models as registry
from frontdesk.db.models.base import BaseModel, SyncedModel
from frontdesk.services.sync import schema as sync_schema

MODELS_DIR = Path(registry.__file__).parent
NOT_TABLES = {"__init__", "base"}


def defined_models(module_name: str) -> dict[str, type[peewee.Model]]:
    module = importlib.import_module(f"frontdesk.db.models.{module_name}")
    return {
        name: obj for name, obj in inspect.getmembers(module, inspect.isclass)
        if issubclass(obj, BaseModel) and obj.__module__ == module.__name__
    }


def test_every_module_in_db_models_is_registered():
    on_disk = {p.stem for p in MODELS_DIR.glob("*.py")} - NOT_TABLES
    assert on_disk == set(registry.MODULES), "list each db/models module in MODULES (and only those)"


def test_every_model_is_registered_under_its_module():
    registered = {m.__name__: m for m in registry.all_models()}
    for module_name in registry.MODULES:
        for name, model in defined_models(module_name).items():
            assert registered.get(name) is model, f"{module_name}.{name} is missing from the model registry"
            if module_name != "core":
                assert registry._LAZY[name] == module_name, f"_LAZY['{name}'] names the wrong module"
            assert name in registry.__all__, f"{name} is missing from __all__"


def test_the_registry_names_no_model_twice_and_nothing_else():
    models = registry.all_models()
    assert len({m._meta.table_name for m in models}) == len(models)
    defined = {m for module_name in registry.MODULES for m in defined_models(module_name).values()}
    assert set(models) == defined


def test_lazy_names_load_on_first_use():
    assert registry.Contact is importlib.import_module("frontdesk.db.models.reception").Contact


def test_sync_takes_every_synced_table_from_the_registry():
    want = {m._meta.table_name for m in registry.all_models()
            if issubclass(m, SyncedModel) and not m._meta.options.get("sync_skip")}
    assert {m._meta.table_name for m in sync_schema.synced_models()} == want
    assert {"contact", "complaint", "repair_order", "self_check", "handover"} <= want


class Stray(SyncedModel):
    """A synced model outside the registry (as a test or a forgotten module would define one)."""

    name = peewee.CharField(default="")


def test_sync_ignores_a_synced_model_the_registry_does_not_know():
    assert Stray not in sync_schema.synced_models()
