#!/bin/sh
# Installs the built bundle for the current user, with its launcher, icon and AppStream entry:
#   release/linux/install.sh [dist/plan-review]
# The program goes to ~/.local/opt/plan-review, the command to ~/.local/bin/plan-review; the launcher
# appears in the desktop's application menu. Run it again to update; remove those paths to uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bundle=${1:-$here/../../dist/plan-review}
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=org.planreview.PlanReview
[ -x "$bundle/plan-review" ] || { echo "install.sh: no built program in $bundle (build it with build.spec first)" >&2; exit 2; }
rm -rf "$HOME/.local/opt/plan-review"
mkdir -p "$HOME/.local/opt" "$HOME/.local/bin" "$data/applications" "$data/metainfo"
cp -a "$bundle" "$HOME/.local/opt/plan-review"
ln -sf "$HOME/.local/opt/plan-review/plan-review" "$HOME/.local/bin/plan-review"
for png in "$bundle"/_internal/resources/icons/plan-review-*.png; do
    size=${png##*-}; size=${size%.png}
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$bundle/_internal/resources/plan-review.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
sed "s|^Exec=plan-review|Exec=$HOME/.local/bin/plan-review|" "$here/$id.desktop" > "$data/applications/$id.desktop"
cp "$here/$id.metainfo.xml" "$data/metainfo/"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Installed Plan Review: $HOME/.local/bin/plan-review, and in the application menu"
