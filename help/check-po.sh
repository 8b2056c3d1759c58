#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# help-po-complete-LANG: the translation LANG/LANG.po, merged with the
# messages of the current English pages, has every message translated and
# none fuzzy. A page changed without updating the catalogue fails here.
#
#   check-po.sh HELP_SOURCE_DIR LANG PAGE...
set -eu
dir=$1 lang=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$dir/C"
itstool -o "$tmp/help.pot" "$@"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$dir/$lang/$lang.po" "$tmp/help.pot"

# Fuzzy entries of the catalogue itself count as well (msgmerge keeps them).
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "$lang.po: $stats"
case $stats in
  *fuzzy*|*untranslated*) exit 1 ;;
esac
