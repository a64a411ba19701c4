"""Persistence: the one database proxy, models, migrations and backups (peewee only, no Qt)."""
