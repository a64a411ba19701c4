"""Spreadsheet writers and readers (openpyxl only, no Qt, no peewee)."""
