"""Expected problems (UserError and its kinds) kept apart from bugs, which are logged and reported."""

from __future__ import annotations

from typing import Any


class Message(str):
    """Chinese text that remembers how to translate itself: ``context``, ``template`` and format arguments.

    Its value is the Chinese text, so it works wherever a str does; the UI (frontdesk.ui.messages.localized)
    looks ``template`` up in ``context`` and formats it again with the same arguments.
    """

    context: str
    template: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]

    def __new__(
        cls, context: str, template: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None
    ) -> Message:
        kwargs = dict(kwargs or {})
        value = template.format(*args, **kwargs) if args or kwargs else template
        self = super().__new__(cls, value)
        self.context, self.template, self.args, self.kwargs = context, template, tuple(args), kwargs
        return self

    def format(self, *args: Any, **kwargs: Any) -> Message:  # type: ignore[override]
        """The same template with these arguments (Chinese value formatted now, English in the UI)."""
        return Message(self.context, self.template, args, kwargs)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.context, self.template, self.args, self.kwargs))


# The two translation markers for code below the UI, which must not import Qt; lupdate reads both
# (``resources/translations/update.sh`` passes -tr-function-alias QT_TRANSLATE_NOOP+=T).


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark a label (an enum's, a column's) for translation in ``context``; the UI translates it with ``tr``."""
    return text


def T(context: str, text: str) -> Message:  # noqa: N802 - lupdate reads it as an alias of QT_TRANSLATE_NOOP
    """Mark a message for translation in ``context`` without Qt; the UI translates it when shown."""
    return Message(context, text)


class UserError(Exception):
    """A problem the user can understand and fix: bad input, a locked file, a refused spreadsheet."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """Bad input; ``fields`` maps a form field name to the message shown next to it."""

    def __init__(self, fields: dict[str, str], message: str | None = None) -> None:
        self.fields = dict(fields)
        super().__init__(message or "；".join(self.fields.values()) or T("errors", "输入有误"))


class PermissionDenied(UserError):
    """The signed-in user's role does not allow this action."""


class NotFound(UserError):
    """A record asked for does not exist (or was deleted)."""


class RecordChanged(UserError):
    """Someone saved the record after this form loaded it: nothing was saved, the form keeps what was typed."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or T("errors", "该记录在您打开后已被其他人修改并保存，本次修改未保存。您填写的内容仍在表单中；可重新载入最新内容后再修改。"))


class AuthError(UserError):
    """Wrong user name or password, or a locked account."""


class DatabaseBusy(UserError):
    """Another window or program holds the database for too long."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or T("errors", "数据库正忙（可能有其他窗口正在保存），请稍后重试。"))


class DatabaseUnreachable(UserError):
    """The database server is down, unreachable or refuses the login."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(T("errors", "无法连接数据库服务器 {0}：{1}\n请检查服务器是否已启动、网络是否连通、用户名和密码是否正确，然后重试。已输入的内容没有丢失。").format(target, reason))
        self.target = target
        self.reason = reason


class StorageError(UserError):
    """The disk is full, read-only or the file cannot be written."""
