#!/bin/sh
# Add FrontDesk to the application menu: run from the unpacked FrontDesk folder, as the user
# (menu entry for that user) or as root (for every user of the PC). The data stays in each
# user's ~/.local/share/FrontDesk; removing this folder never touches it.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then SHARE=/usr/local/share; else SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"; fi
mkdir -p "$SHARE/applications"
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$HERE/_internal/resources/icons/frontdesk-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/frontdesk.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
cp "$HERE/_internal/resources/icons/frontdesk.svg" "$SHARE/icons/hicolor/scalable/apps/frontdesk.svg"
sed "s|^Exec=frontdesk$|Exec=\"$HERE/frontdesk\"|" "$HERE/frontdesk.desktop" > "$SHARE/applications/frontdesk.desktop"
chmod 644 "$SHARE/applications/frontdesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$SHARE/icons/hicolor" 2>/dev/null || true
echo "FrontDesk added to the application menu ($SHARE/applications/frontdesk.desktop)"
