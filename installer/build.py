"""Build the counter-PC bundle: build extra → .qm files → PyInstaller → tarball / Inno Setup → slow test → figures."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import layout  # noqa: E402

PY = sys.executable
ISCC_GUESSES = (
    r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
    r"C:\Program Files\Inno Setup 6\ISCC.exe",
)


def step(message: str) -> None:
    print(f"\n== {message}", flush=True)


def run(cmd: list[str], **kwargs: object) -> None:
    print("$ " + " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=layout.ROOT, **kwargs)  # type: ignore[call-overload]


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        step("installing the build extra (PyInstaller)")
        run([PY, "-m", "pip", "install", "-e", ".[build]", "--config-settings", "editable_mode=compat"])


def build_translations() -> None:
    step("building .qm translations")
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(PY).parent)) or shutil.which("pyside6-lrelease")
    if lrelease is None:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    for ts in sorted((layout.ROOT / "resources" / "translations").glob("*.ts")):
        run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))])


def run_pyinstaller(clean: bool) -> None:
    step("PyInstaller (onedir)")
    cmd = [PY, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(layout.DIST), "--workpath", str(layout.BUILD), str(layout.INSTALLER / "frontdesk.spec")]
    if clean:
        cmd.insert(3, "--clean")
    run(cmd)


def write_inno_version() -> Path:
    """installer/dist/version.iss, #included by frontdesk.iss (ISCC /DAppVersion=… overrides it)."""
    path = layout.DIST / "version.iss"
    path.write_text(f'#define AppVersion "{layout.version()}"\n', encoding="utf-8")
    return path


def linux_package() -> Path:
    step("Linux: desktop entry and tarball")
    for name in ("frontdesk.desktop", "install-desktop-entry.sh"):
        shutil.copy2(layout.INSTALLER / name, layout.BUNDLE / name)
    shutil.copy2(layout.ROOT / "resources" / "icons" / "frontdesk.png", layout.BUNDLE / "frontdesk.png")
    out = layout.tarball()
    for old in layout.DIST.glob(f"{layout.APP_NAME}-*-linux-*.tar.gz"):
        old.unlink()
    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        tar.add(layout.BUNDLE, arcname=layout.APP_NAME)
    print(f"{out}  ({out.stat().st_size / 2**20:.1f} MB)")
    return out


def windows_installer() -> None:
    step("Windows: Inno Setup")
    iscc = shutil.which("ISCC") or next((g for g in ISCC_GUESSES if Path(g).exists()), None)
    script = layout.INSTALLER / "frontdesk.iss"
    if iscc is None:
        print(f"Inno Setup 6 not found; install it, then run: ISCC \"{script}\"")
        return
    run([iscc, f"/DAppVersion={layout.version()}", str(script)])


def run_slow_test() -> int:
    step("verifying the bundle (tests/installer, -m slow)")
    env = dict(os.environ, FRONTDESK_BUNDLE_FRESH="1")
    cmd = [PY, "-m", "pytest", "-q", "-n", "0", "-m", "slow", "tests/installer"]
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=layout.ROOT, env=env).returncode


def print_figures() -> None:
    if not layout.FIGURES.exists():
        print("no figures (the verification test did not get as far as measuring)")
        return
    f = json.loads(layout.FIGURES.read_text(encoding="utf-8"))
    print(f"\nFrontDesk {layout.version()} bundle: {layout.BUNDLE}")
    print(f"  bundle size, unpacked   {f['bundle_mb']:7.1f} MB   (target ≤ {f['bundle_target_mb']} MB)")
    if f.get("tarball_mb"):
        print(f"  tarball                 {f['tarball_mb']:7.1f} MB")
    print(f"  start-up to first paint, median of {f['repeat']} on {f['rows']:,} demo contacts:")
    print(f"    python main.py        {f['source_ms']:7.0f} ms")
    print(f"    frozen executable     {f['frozen_ms']:7.0f} ms")
    print(f"    ratio                 {f['ratio']:7.2f}×   (target ≤ {f['ratio_target']}×)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-tests", action="store_true", help="build only (the slow test uses this)")
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    args = parser.parse_args()
    ensure_pyinstaller()
    build_translations()
    run_pyinstaller(args.clean)
    write_inno_version()
    if sys.platform == "win32":
        windows_installer()
    else:
        linux_package()
    print(f"bundle: {layout.BUNDLE} ({layout.folder_size(layout.BUNDLE) / 2**20:.1f} MB unpacked)")
    if args.skip_tests:
        return 0
    code = run_slow_test()
    print_figures()
    return code


if __name__ == "__main__":
    sys.exit(main())
