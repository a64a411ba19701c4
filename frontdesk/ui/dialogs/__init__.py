"""Dialogs: first run, login, passwords and the record forms."""
