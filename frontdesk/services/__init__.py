"""Use cases, one module per area: permission checks and transactions live here; plain data out."""
