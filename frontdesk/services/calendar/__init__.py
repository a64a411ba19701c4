"""The site calendar's changes: overrides typed or imported from a holiday schedule file."""
