"""Custom fields: money as integer fen exposed as Decimal, never float; SQL defaults for added columns."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import peewee

CENT = Decimal("0.01")


def to_money(value: Decimal | int | str) -> Decimal:
    """A Decimal rounded to fen (two places); floats are refused."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class MoneyField(peewee.BigIntegerField):
    """Stores yuan as integer fen; reads back an exact ``Decimal`` with two places."""

    def db_value(self, value: Decimal | int | str | None) -> int | None:
        if value is None:
            return None
        return int(to_money(value) * 100)

    def python_value(self, value: int | None) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


def fen_to_money(fen: int | None) -> Decimal:
    """Convert an SQL SUM over a MoneyField column back to yuan."""
    return (Decimal(int(fen or 0)) / 100).quantize(CENT)


def sql_default(value: str | int | bool | Decimal) -> peewee.SQL:
    """An SQL ``DEFAULT`` constraint for a column added to existing rows (``constraints=[sql_default(0)]``).

    Portable literals: booleans as TRUE/FALSE, money in fen, text quoted.
    """
    if isinstance(value, bool):
        return peewee.SQL("DEFAULT TRUE" if value else "DEFAULT FALSE")
    if isinstance(value, Decimal):
        return peewee.SQL(f"DEFAULT {int(to_money(value) * 100)}")
    if isinstance(value, int):
        return peewee.SQL(f"DEFAULT {value}")
    if isinstance(value, str):
        quoted = value.replace("'", "''")
        return peewee.SQL(f"DEFAULT '{quoted}'")
    raise TypeError(f"no portable SQL default for {type(value).__name__}")


def has_sql_default(field: peewee.Field) -> bool:
    return any(isinstance(c, peewee.SQL) and c.sql.upper().startswith("DEFAULT") for c in field.constraints or ())

