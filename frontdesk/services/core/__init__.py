"""Shared services: sign-in and permissions, staff and roster, site settings, audit, lists and exports."""
