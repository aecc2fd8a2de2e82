#!/bin/sh
# Packs dist/Plan Review.app (built by build.spec on a Mac) into dist/Plan-Review-<version>.dmg: the
# program beside a link to Applications, to drag it across. Needs macOS (hdiutil).
#   release/macos/make_dmg.sh
set -eu
cd "$(dirname "$0")/../.."
app="dist/Plan Review.app"
[ -d "$app" ] || { echo "make_dmg.sh: $app is missing: build it with build.spec first" >&2; exit 2; }
version=$(/usr/libexec/PlistBuddy -c "Print CFBundleShortVersionString" "$app/Contents/Info.plist")
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Plan Review" -srcfolder "$staging" -ov -format UDZO "dist/Plan-Review-$version.dmg"
rm -rf "$staging"
echo "dist/Plan-Review-$version.dmg"
