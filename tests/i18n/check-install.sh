#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` into a temporary DESTDIR puts everything a desktop needs
# where it looks: the programs, the desktop file (valid, its Exec and
# TryExec and Icon resolving to installed files), the D-Bus service, the
# AppStream metainfo (valid, naming the installed desktop file), both
# icons, the settings schema (compiling), the user guide (every page of
# help/C, and each translation), and the message catalogues of po/LINGUAS.
# The desktop file and the metainfo must carry the translations.
#   check-install.sh MESON BUILD_DIR SOURCE_ROOT PREFIX BINDIR DATADIR LOCALEDIR APP_ID
set -eu

meson=$1 build=$2 top=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7 app_id=$8
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

# --no-rebuild: the test runs after the build; a rebuild now would race
# the other tests.
"$meson" install -C "$build" --destdir "$dest" --no-rebuild --quiet

status=0
fail () {
  echo "FAILED: $*"
  status=1
}
need () {
  if [ -f "$dest$1" ]; then
    echo "ok: $1"
  else
    fail "$1 is not installed"
  fi
}

# The programs.
for program in fidelis fidelis-cli; do
  need "$bindir/$program"
  [ ! -f "$dest$bindir/$program" ] || [ -x "$dest$bindir/$program" ] || fail "$bindir/$program is not executable"
done

# A program named by a desktop or service file: installed in bindir (a
# bare name, found through PATH) or at its absolute path.
resolves () {
  case $1 in
    /*) [ -x "$dest$1" ] ;;
    *) [ -x "$dest$bindir/$1" ] ;;
  esac
}

# The desktop file.
desktop=$datadir/applications/$app_id.desktop
need "$desktop"
if [ -f "$dest$desktop" ]; then
  desktop-file-validate "$dest$desktop" || fail "$desktop does not validate"
  key () { sed -n "s/^$1=//p" "$dest$desktop" | head -n 1; }
  exec_program=$(key Exec | cut -d ' ' -f 1)
  resolves "$exec_program" || fail "Exec=$(key Exec): $exec_program is not installed in $bindir"
  try_exec=$(key TryExec)
  [ -z "$try_exec" ] || resolves "$try_exec" || fail "TryExec=$try_exec is not installed in $bindir"
  [ "$(key Icon)" = "$app_id" ] || fail "Icon=$(key Icon) is not the application id $app_id"
  if [ "$(key DBusActivatable)" = true ]; then
    service=$datadir/dbus-1/services/$app_id.service
    need "$service"
    if [ -f "$dest$service" ]; then
      grep -qx "Name=$app_id" "$dest$service" || fail "$service does not name $app_id"
      service_program=$(sed -n 's/^Exec=//p' "$dest$service" | cut -d ' ' -f 1)
      resolves "$service_program" || fail "$service: Exec=$service_program is not installed"
    fi
  fi
fi

# The metainfo.
metainfo=$datadir/metainfo/$app_id.metainfo.xml
need "$metainfo"
if [ -f "$dest$metainfo" ]; then
  appstream-util validate-relax --nonet "$dest$metainfo" || fail "$metainfo does not validate"
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$dest$metainfo" ||
    fail "$metainfo does not launch $app_id.desktop"
fi

# The icons.
need "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
need "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"

# The settings schema.
need "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
if [ -d "$dest$datadir/glib-2.0/schemas" ]; then
  glib-compile-schemas --strict --dry-run "$dest$datadir/glib-2.0/schemas" || fail "the installed schemas do not compile"
fi

# The user guide: every page written, and each translation.
for page in "$top"/help/C/*.page; do
  need "$datadir/help/C/$app_id/$(basename "$page")"
done
for po in "$top"/help/*/*.po; do
  [ -f "$po" ] || continue
  lang=$(basename "$(dirname "$po")")
  need "$datadir/help/$lang/$app_id/index.page"
done

# The translations of the program, also merged into the desktop file and
# the metainfo.
for lang in $(sed -e 's/#.*//' "$top/po/LINGUAS"); do
  need "$localedir/$lang/LC_MESSAGES/fidelis.mo"
  [ ! -f "$dest$desktop" ] || grep -q "^Comment\[$lang\]=" "$dest$desktop" || fail "$desktop has no Comment[$lang]"
  [ ! -f "$dest$metainfo" ] || grep -q "xml:lang=\"$lang\"" "$dest$metainfo" || fail "$metainfo has no $lang translation"
done

[ $status -eq 0 ] && echo "installed into $dest$prefix: $(find "$dest" -type f | wc -l) files"
exit $status
