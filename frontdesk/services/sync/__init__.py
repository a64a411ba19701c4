"""Exchange with head office: export, import, merge and conflicts of site files."""
