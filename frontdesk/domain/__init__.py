"""Pure business rules: no Qt, no peewee."""
