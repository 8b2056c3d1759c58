#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Each translation of the user guide (help/LANG/LANG.po) translates every
# paragraph of the current pages: the template is extracted afresh with
# itstool from help/C/*.page into a temporary folder, the catalogue merged
# with it, and any untranslated or fuzzy message listed. No translation
# yet: nothing to check.
#   check-help-po-complete.sh SOURCE_ROOT
set -eu

top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

found=0
status=0
for po in "$top"/help/*/*.po; do
  [ -f "$po" ] || continue
  found=1
  lang=$(basename "$(dirname "$po")")
  [ -f "$tmp/help.pot" ] || itstool -o "$tmp/help.pot" "$top"/help/C/*.page

  msgmerge --quiet --no-wrap --output-file="$tmp/$lang.po" "$po" "$tmp/help.pot"
  stats=$(msgfmt --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  echo "help/$lang/$lang.po against the current pages: $stats"
  for kind in untranslated only-fuzzy; do
    msgattrib --no-wrap --no-obsolete --$kind --output-file="$tmp/$lang-$kind.po" "$tmp/$lang.po"
    if grep -q '^msgid ' "$tmp/$lang-$kind.po" 2>/dev/null; then
      echo "FAILED: ${kind#only-} messages in help/$lang/$lang.po:"
      grep -E '^(#:|msgctxt|msgid) ' "$tmp/$lang-$kind.po" | grep -vx 'msgid ""' || true
      status=1
    fi
  done
done

[ $found -eq 1 ] || echo "no translation of the help yet"
exit $status
