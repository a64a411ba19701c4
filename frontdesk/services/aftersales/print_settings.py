"""Which paper the after-sales papers print on (A4 or the 80 mm roll), per paper, for the whole site; and
whether the print key prints at once on the default printer instead of opening the preview."""

from __future__ import annotations

from dataclasses import dataclass, field

from frontdesk.db.connection import transaction
from frontdesk.domain.printdoc import Paper
from frontdesk.domain.roles import Actor, Permission
from frontdesk.errors import T, ValidationError
from frontdesk.services.core import audit
from frontdesk.services.core.permissions import require
from frontdesk.services.core.site_settings import PRINT_DIRECT, PRINT_PAPERS

# the papers that may go on the roll: 退换货凭证, 维修受理单, 维修取件单
KINDS = ("return_voucher", "repair_receipt", "pickup_slip")
CHOICES: tuple[Paper, ...] = ("A4", "R80")
DEFAULT: Paper = "A4"


@dataclass(frozen=True)
class PrintSettings:
    """The paper of each kind (``KINDS``) and whether to print without a preview."""

    papers: dict[str, Paper] = field(default_factory=dict)
    direct: bool = False

    def paper(self, kind: str) -> Paper:
        return self.papers.get(kind, DEFAULT)


def load() -> PrintSettings:
    stored = PRINT_PAPERS.get()
    papers: dict[str, Paper] = {k: stored[k] if stored.get(k) in CHOICES else DEFAULT for k in KINDS}
    return PrintSettings(papers, PRINT_DIRECT.get())


def paper_for(kind: str) -> Paper:
    """The paper ``kind`` prints on at this site."""
    return load().paper(kind)


def save(actor: Actor, new: PrintSettings) -> None:
    """Managers choose the papers (audited)."""
    require(actor, Permission.APPROVE_AFTERSALES)
    errors = {f"paper_{k}": T("errors", "请选择 A4 或 80 mm 小票") for k, v in new.papers.items()
              if k not in KINDS or v not in CHOICES}
    if errors:
        raise ValidationError(errors)
    with transaction():
        old = load()
        PRINT_PAPERS.put({k: new.paper(k) for k in KINDS})
        PRINT_DIRECT.put(bool(new.direct))
        audit.record(actor, "print_settings", "aftersales", "update",
                     {"papers": old.papers, "direct": old.direct}, {"papers": dict(new.papers), "direct": new.direct})
