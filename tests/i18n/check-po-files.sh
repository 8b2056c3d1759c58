#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every message catalogue compiles without error: the program's (po/*.po)
# and the user guide's (help/LANG/LANG.po). msgfmt --check also checks
# that printf formats and the header agree between msgid and msgstr.
#   check-po-files.sh SOURCE_ROOT
set -eu

top=$1
status=0
found=0

for po in "$top"/po/*.po "$top"/help/*/*.po; do
  [ -f "$po" ] || continue
  found=$((found + 1))
  if msgfmt --check --output-file=/dev/null "$po"; then
    echo "ok: ${po#"$top"/}"
  else
    echo "FAILED: ${po#"$top"/}"
    status=1
  fi
done

[ "$found" -gt 0 ] || { echo "no .po file under $top/po"; exit 1; }
exit $status
