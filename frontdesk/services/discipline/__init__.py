"""Discipline: incidents, the fine schedule and its import, the monthly fine sheet."""
