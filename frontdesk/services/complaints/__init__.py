"""Complaint cases: opening, stages and deadlines, the case list."""
