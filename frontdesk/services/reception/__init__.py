"""Reception: contacts, transfers to departments, return visits, the phrase book."""
