"""The window: the only package that imports PySide6; it renders and dispatches to services."""
