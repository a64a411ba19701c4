"""Qt item models over pages of rows that services fetched with SQL."""
