"""Expected problems (UserError and its kinds) kept apart from bugs, which are logged and reported."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can understand and fix: bad input, a locked file, a refused spreadsheet."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """Bad input; ``fields`` maps a form field name to the message shown next to it."""

    def __init__(self, fields: dict[str, str], message: str | None = None) -> None:
        self.fields = dict(fields)
        super().__init__(message or "；".join(self.fields.values()) or "输入有误")


class PermissionDenied(UserError):
    """The signed-in user's role does not allow this action."""


class NotFound(UserError):
    """A record asked for does not exist (or was deleted)."""


class AuthError(UserError):
    """Wrong user name or password, or a locked account."""


class DatabaseBusy(UserError):
    """Another window or program holds the database for too long."""

    def __init__(self, message: str = "数据库正忙（可能有其他窗口正在保存），请稍后重试。") -> None:
        super().__init__(message)


class StorageError(UserError):
    """The disk is full, read-only or the file cannot be written."""
