"""What every page needs: data paths, settings, remembered state and the signed-in actor."""

from __future__ import annotations

from dataclasses import dataclass, field

from frontdesk.domain.roles import Actor
from frontdesk.paths import DataPaths
from frontdesk.settings import Persist, Settings


@dataclass
class AppContext:
    """Shared by the main window and its pages for one signed-in session."""

    paths: DataPaths
    settings: Settings
    actor: Actor
    site_name: str
    persist: Persist = field(default_factory=Persist)

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

    def save_persist(self) -> None:
        self.persist.save(self.paths.state_file)
