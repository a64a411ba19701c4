"""Command line: the same services as the window, without one (init, check, backup, reset-admin, demo data, …)."""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from frontdesk.domain.roles import SYSTEM
from frontdesk.errors import UserError, ValidationError
from frontdesk.paths import data_paths
from frontdesk.services.core import audit, auth, site, system
from frontdesk.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m frontdesk", description="FrontDesk 命令行工具")
    parser.add_argument("--data-dir", help="数据文件夹（默认为用户数据目录）")
    parser.add_argument("--database", help="数据库：postgresql://用户:密码@主机:端口/库名（默认为数据文件夹中的 SQLite 文件）")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = sub.add_parser("init", help="首次设置：站点与管理员账户（非交互）")
    init.add_argument("--site-code", required=True)
    init.add_argument("--site-name", required=True)
    init.add_argument("--admin-user", required=True)
    init.add_argument("--admin-password", required=True)

    reset = sub.add_parser("reset-admin", help="管理员无法登录时：设置新密码、解锁并启用管理员账户（记入审计日志）")
    reset.add_argument("--user", help="管理员工号（只有一个管理员时可省略；指定普通员工则设为管理员）")
    reset.add_argument("--password", help="新密码（省略时在终端输入）")

    check = sub.add_parser("check", help="检查数据库完整性与结构版本；健康时返回 0")
    check.add_argument("--code", help="再核对打印的审计链校验码（如 1a2b-3c4d-5e6f）：不相符时返回 1")
    sub.add_parser("backup", help="立即备份，输出备份文件路径")
    restore = sub.add_parser("restore", help="用备份文件替换数据库（原数据库先自动备份）")
    restore.add_argument("file", type=Path)

    export = sub.add_parser("export", help="站点导出：把变更的记录和照片写入交换包（.zip，内含 Excel 工作簿），带到总部导入")
    export.add_argument("--out", required=True, type=Path, help="输出文件（.zip）")
    export.add_argument("--to", default="", help="目标站点代码（如 HQ、S02）：默认导出上次发给它以来本库变更的记录")
    export.add_argument("--since", help="已停用：记录按本库变更号挑选，不再按日期（请用 --all 导出全部）")
    export.add_argument("--all", action="store_true", help="导出全部记录")
    pair = sub.add_parser("pair", help="与总部（或某站点）配对：导入对方给的密钥文件，或新建一个带给对方；重新配对会重置与它的交换状态")
    pair.add_argument("peer", help="对方的站点代码，如 HQ 或 S02")
    pair.add_argument("--key-file", required=True, type=Path, help="密钥文件：已有则导入，没有则新建（请妥善带给对方后删除）")
    imp = sub.add_parser("import", help="站点导入：合并另一站点导出的交换包（.zip）；文件有误时返回非 0")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="只校验并统计，不写入")

    hol = sub.add_parser("holidays", help="节假日设置：导入放假安排文件（holiday-cn 的 JSON 或 .ics）")
    hol_sub = hol.add_subparsers(dest="holidays_command", required=True, metavar="ACTION")
    hol_import = hol_sub.add_parser("import", help="把文件中的放假和调休日期写入节假日设置（全部或不写）；有误时返回非 0")
    hol_import.add_argument("file", type=Path)
    hol_import.add_argument("--dry-run", action="store_true", help="只校验并列出，不写入")

    move = sub.add_parser("migrate-to", help="把本机（SQLite）站点的全部记录复制到一个空的 PostgreSQL 数据库，核对每个表的行数")
    move.add_argument("url", help="postgresql://用户:密码@主机:端口/库名（库须为空）")
    move.add_argument("--use", action="store_true", help="成功后本机改用该服务器（写入设置，密码存入密钥环或仅本用户可读的文件）")

    demo = sub.add_parser("demo-data", help="生成演示数据")
    demo.add_argument("--rows", type=int, default=10_000)
    demo.add_argument("--seed", type=int, default=2026)

    shots = sub.add_parser("screenshots", help="把每个页面和对话框渲染为 PNG（1366×768；有超出屏幕的页面或对话框时退出码为 1）")
    shots.add_argument("out_dir", type=Path)
    shots.add_argument("--lang", choices=["zh_CN", "en"], default=None)
    return parser


def _demo_data(args: argparse.Namespace) -> int:
    """Generate the demo batch, finish the one a stopped run left, or say it is complete (see demo/runner.py)."""
    from frontdesk.demo import runner

    earlier = runner.recorded()
    if earlier is not None and not earlier.complete:
        print(f"上次生成演示数据未完成（约 {earlier.rows:,} 条，种子 {earlier.seed}），现在从中断处继续；"
              "已写入的数据不会重复。", flush=True)
    started = time.perf_counter()
    last = [0.0]

    def progress(name: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(f"  {name}: {done:,}/{total:,}", flush=True)

    try:
        outcome = runner.generate(args.rows, args.seed, progress)
    except KeyboardInterrupt:
        print("已中断。已写入的演示数据都保留着，再次运行 demo-data 即从中断处继续。", file=sys.stderr)
        return 130
    if outcome.run is runner.Run.COMPLETE:
        print(f"本数据库已有完整的演示数据（约 {outcome.rows:,} 条，种子 {outcome.seed}），这次没有再写入。"
              "如需另一套演示数据，请用 --data-dir 指定一个新的数据文件夹。")
    for name, n in outcome.counts.items():
        print(f"{name}: {n:,}")
    if outcome.run is not runner.Run.COMPLETE:
        print(f"用时 {time.perf_counter() - started:.1f} 秒")
    print(f"演示员工密码均为 {runner.DEMO_PASSWORD}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = data_paths(args.data_dir)
    settings = Settings.load(paths.settings_file)
    if args.database:
        settings.database = args.database
    try:
        if args.command == "screenshots":
            from frontdesk.ui.screenshots import oversized, render_all

            files = render_all(paths, settings, args.out_dir, args.lang)
            for f in files:
                print(f)
            too_big = oversized(files)
            for line in too_big:
                print(f"超出 1366×768 屏幕（可用 1366×728）：{line}", file=sys.stderr)
            return 1 if too_big else 0
        system.start(paths, settings, backup_on_start=False)
        try:
            return _run(args, paths, settings)
        finally:
            system.stop()
    except ValidationError as exc:
        for field, message in exc.fields.items():
            print(f"错误：--{field.replace('_', '-')}：{message}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2


def _migrate_to(args: argparse.Namespace, paths, settings: Settings) -> int:  # noqa: ANN001
    """Copy this SQLite site into an empty PostgreSQL database; print each table's counts and the time."""
    if system.on_server(settings):
        raise UserError("migrate-to 从本机的 SQLite 数据库复制：请不要同时用 --database 指定服务器，"
                        "也请先在设置中改回“仅本机使用”")
    if not site.is_initialized():
        raise UserError("本机数据库还没有初始化站点，没有可迁移的数据")
    last = [0.0]

    def progress(name: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if now - last[0] > 2 or done == total:
            last[0] = now
            print(f"  {name}: {done:,}/{total:,}", flush=True)

    print(f"正在把 {paths.database} 复制到 {system.shown_url(args.url)} …", flush=True)
    report = system.migrate_to(SYSTEM, paths, args.url, progress)
    width = max(len(t.table) for t in report.tables)
    for t in report.tables:
        print(f"  {t.table:{width}s} {t.source:>12,} → {t.target:>12,}  {'一致' if t.ok else '不一致'}")
    for name, n in report.grams.items():
        print(f"  {name:{width}s} {n:>12,} 条检索索引（重建）")
    print(f"全部 {len(report.tables)} 个表行数一致，共 {report.rows:,} 行；附件引用 {report.attachment_references:,} 个"
          f"（附件文件仍在 {paths.attachments}）；已重置 {report.sequences} 个序列；用时 {report.seconds:.1f} 秒")
    if args.use:
        settings.database = args.url
        settings.save(paths.settings_file)
        print("本机已改用该服务器。其他柜台请在“设置 → 数据库”中填写同样的连接信息。")
    else:
        print("其他柜台（和本机）请在“设置 → 数据库”中改为连接该服务器，或加 --use 让本机改用它。")
    return 0


def _reset_admin(args: argparse.Namespace) -> int:
    if not site.is_initialized():
        raise UserError("请先运行 init 初始化站点")
    password = args.password
    if password is None:
        password = getpass.getpass("新密码：")
        if getpass.getpass("再次输入：") != password:
            raise UserError("两次输入的密码不一致")
    actor = auth.recover_admin(args.user, password)
    print(f"已为管理员 {actor.staff_no} {actor.name} 设置新密码，账户已解锁并启用")
    return 0


def _import_holidays(args: argparse.Namespace) -> int:
    from frontdesk.services.calendar import schedule_import as holiday_import

    if not site.is_initialized():
        raise UserError("请先运行 init 初始化站点")
    run = holiday_import.preview_schedule if args.dry_run else holiday_import.import_schedule
    try:
        outcome = run(SYSTEM, args.file)
    except holiday_import.HolidayFileRefused as exc:
        print(f"错误：{args.file.name} 未导入，没有任何改动：", file=sys.stderr)
        for p in exc.problems:
            where = f"第 {p.row} 条 " if p.row else ""
            shown = f"“{p.value}”" if p.value else ""
            print(f"  {where}{p.field}：{shown}{p.message}", file=sys.stderr)
        return 2
    years = "、".join(map(str, outcome.years))
    head = "试导入（未写入）" if args.dry_run else "已导入"
    print(f"{head} {outcome.file_name}：{years} 年的放假安排，新增 {outcome.count('new')}，"
          f"更新 {outcome.count('update')}，不变 {outcome.count('same')}")
    for row in outcome.rows:
        if row.action != "same":
            print(f"  {row.day:%Y-%m-%d}  {'放假' if row.off else '上班'}  {row.name}")
    return 0


def _run(args: argparse.Namespace, paths, settings: Settings) -> int:  # noqa: ANN001
    if args.command == "init":
        site.initialize(args.site_code, args.site_name, args.admin_user, args.admin_password)
        print(f"已初始化站点 {args.site_code.upper()} {args.site_name}，数据文件夹：{paths.root}")
        return 0
    if args.command == "reset-admin":
        return _reset_admin(args)
    if args.command == "check":
        health = system.check()
        print(f"数据库：{system.shown_database(paths, settings)}")
        print(f"结构版本：{health.schema_version}（程序支持 {health.latest_version}）")
        print(f"站点：{site.site_code() or '未初始化'} {site.site_name()}")
        problems = list(health.problems)
        if args.code is not None:
            found = audit.find_code(args.code)
            if found is None:
                problems.append(f"校验码 {args.code} 在本站审计链中找不到：打印之前的审计记录已被改动或删除")
            else:
                print(f"校验码 {args.code}：与本站审计链第 {found['id']} 条（{found['at']:%Y-%m-%d %H:%M}）相符，"
                      f"其后另有 {found['later']} 条记录")
        for problem in problems:
            print(f"问题：{problem}")
        healthy = health.healthy and not problems
        print("状态：正常" if healthy else "状态：异常")
        return 0 if healthy else 1
    if args.command == "backup":
        print(system.backup_now(SYSTEM, paths, settings.backups_to_keep, settings.backups_max_total_mb))
        return 0
    if args.command == "restore":
        system.schedule_restore(SYSTEM, paths, args.file.resolve())
        system.stop()
        system.start(paths, settings, backup_on_start=False)
        print(f"已从 {args.file} 恢复")
        return 0
    if args.command in ("export", "import", "pair"):
        from frontdesk.services.sync import cli as sync_cli

        return sync_cli.run(args)
    if args.command == "holidays":
        return _import_holidays(args)
    if args.command == "migrate-to":
        return _migrate_to(args, paths, settings)
    if args.command == "demo-data":
        if not site.is_initialized():
            raise UserError("请先运行 init 初始化站点")
        return _demo_data(args)
    raise AssertionError(args.command)
