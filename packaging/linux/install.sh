#!/bin/sh
# Install stretch-gui's menu entry, its icon and the routine file type for the current user.
#
#   packaging/linux/install.sh             install (or refresh: safe to run again)
#   packaging/linux/install.sh --uninstall remove what this script installed
#
# Everything goes under ${XDG_DATA_HOME:-~/.local/share}; nothing needs root.
# The freedesktop helpers (xdg-mime, xdg-desktop-menu, update-mime-database,
# update-desktop-database, gtk-update-icon-cache) are used when present and
# skipped when not: the files are then simply copied into place.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
icons="$data/icons/hicolor"
sizes="16 24 32 48 64 128 256 512"

have() { command -v "$1" >/dev/null 2>&1; }

refresh_caches() {
    if have update-mime-database; then update-mime-database "$data/mime" >/dev/null 2>&1 || true; fi
    if have update-desktop-database; then update-desktop-database -q "$data/applications" 2>/dev/null || true; fi
    if have gtk-update-icon-cache; then gtk-update-icon-cache -q -t -f "$icons" 2>/dev/null || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
    for size in $sizes; do rm -f "$icons/${size}x${size}/apps/stretch-gui.png"; done
    rm -f "$icons/scalable/apps/stretch-gui.svg"
    rm -f "$data/applications/stretch-gui.desktop"
    rm -f "$data/mime/packages/stretch-gui-routine.xml"
    refresh_caches
    echo "stretch-gui: menu entry, icon and routine file type removed from $data"
    exit 0
fi

for size in $sizes; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp -f "$repo/assets/icons/stretch-gui-$size.png" "$icons/${size}x${size}/apps/stretch-gui.png"
done
mkdir -p "$icons/scalable/apps"
cp -f "$repo/assets/icons/stretch-gui.svg" "$icons/scalable/apps/stretch-gui.svg"

# The file type: *.stretch.yaml and *.routine.yaml open in stretch-gui; plain *.yaml stays YAML.
mkdir -p "$data/mime/packages"
cp -f "$here/stretch-gui-routine.xml" "$data/mime/packages/stretch-gui-routine.xml"

mkdir -p "$data/applications"
cp -f "$here/stretch-gui.desktop" "$data/applications/stretch-gui.desktop"

refresh_caches
if have xdg-mime; then
    xdg-mime default stretch-gui.desktop application/x-stretch-routine 2>/dev/null || true
fi
if have xdg-desktop-menu; then
    xdg-desktop-menu forceupdate --mode user 2>/dev/null || true
fi

echo "stretch-gui: menu entry, icon and routine file type installed in $data"
if ! have stretch-gui; then
    echo "note: the 'stretch-gui' command is not on PATH yet; install the package (pip install .) so the menu entry can start it" >&2
fi
