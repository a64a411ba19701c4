"""The export and import commands of the command line: site workbooks without a window."""

from __future__ import annotations

import argparse
import sys

from frontdesk.domain.roles import SYSTEM
from frontdesk.errors import T, UserError
from frontdesk.excel.sync_validate import WorkbookRefused
from frontdesk.services.core import site
from frontdesk.services.sync import keys
from frontdesk.services.sync.exporter import SINCE_LAST, export_site
from frontdesk.services.sync.importer import import_site


def run(args: argparse.Namespace) -> int:
    """Run ``export`` or ``import``; 0 on success, 2 on a refused file or bad arguments."""
    if not site.is_initialized():
        raise UserError(T("errors", "请先运行 init 初始化站点"))
    actor = SYSTEM
    if args.command == "pair":
        made = keys.pair(actor, args.peer, args.key_file)
        if made:
            print(f"已新建配对密钥 {args.key_file}：请把它带到 {args.peer.upper()}，在那里运行 pair {site.site_code()} --key-file …，"
                  "然后删除这个文件")
        else:
            print(f"已与 {args.peer.upper()} 配对（密钥取自 {args.key_file}）；与它的交换从头开始")
        return 0
    if args.command == "export":
        if args.since:  # wall clocks drift and imported rows keep their origin's time: never a cursor
            raise UserError(T("errors", "--since 已停用：记录按本库变更号挑选（上次发给目标站点以来），导出全部请用 --all"))
        summary = export_site(actor, args.out, None if args.all else SINCE_LAST, to=args.to)
        print(f"已导出 {summary.total:,} 条记录到 {summary.path}（发往 {summary.destination or '任意站点'}，"
              f"第 {summary.export_no} 次）")
        print(f"范围：变更号 {summary.since + 1}–{summary.upto}；校验和 {summary.checksum}")
        if summary.attachments:
            print(f"照片 {summary.attachments} 张" + ("（已装入交换文件）" if summary.path.suffix.lower() == ".zip"
                                                   else "（单独的工作簿不带照片：对方须已有这些文件，请改用 .zip）"))
        for problem in summary.cleaned:
            print(f"  注意：{problem.sheet} 记录 {problem.value} 列 {problem.column}：{problem.message}")
        for name, n in summary.counts.items():
            if n:
                print(f"  {name}: {n:,}")
        return 0
    try:
        report = import_site(actor, args.file, dry_run=args.dry_run)
    except WorkbookRefused as exc:
        print(f"错误：文件 {args.file} 未导入，数据库没有任何改动（{len(exc.problems)} 处问题）：", file=sys.stderr)
        for problem in exc.problems[:200]:
            print(f"  {problem}", file=sys.stderr)
        if len(exc.problems) > 200:
            print(f"  …… 另有 {len(exc.problems) - 200} 处", file=sys.stderr)
        return 2
    for line in report.lines():
        print(line)
    return 0
