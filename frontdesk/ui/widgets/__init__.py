"""Reusable widgets: forms with inline errors, paged tables, pickers."""
