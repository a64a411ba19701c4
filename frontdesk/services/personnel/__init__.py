"""Personnel: shifts and rosters, attendance, leaves, shift handover, self-checks."""
