#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# po/POTFILES.in lists every file with translatable strings, so that none
# is left out of the template, and lists only files that exist:
#   C files of app/ and plugins/ calling _(), N_(), C_(), NC_() or ngettext();
#   .ui files with translatable="yes";
#   desktop files (*.desktop.in, the plugins' *.plugin.desktop.in);
#   AppStream metainfo (*.metainfo.xml.in);
#   settings schemas with a gettext-domain.
#   check-potfiles.sh SOURCE_ROOT
set -eu

top=$1
cd "$top"

listed=$(mktemp)
trap 'rm -f "$listed"' EXIT
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort -u > "$listed"

status=0
missing=$(
  {
    grep -rlE --include='*.c' '(^|[^A-Za-z0-9_])(N|C|NC)?_[[:space:]]*\(|(^|[^A-Za-z0-9_])(g_d)?n?gettext[[:space:]]*\(' app plugins || true
    grep -rl --include='*.ui' 'translatable="yes"' app plugins data || true
    find data plugins -name '*.desktop.in' -o -name '*.metainfo.xml.in'
    grep -l 'gettext-domain=' data/*.gschema.xml || true
  } | sort -u | while read -r file; do
    grep -qxF "$file" "$listed" || echo "$file"
  done
)
for file in $missing; do
  echo "FAILED: $file has translatable strings but is not in po/POTFILES.in"
  status=1
done

while read -r file; do
  if [ ! -f "$file" ]; then
    echo "FAILED: po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done < "$listed"

[ $status -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings ($(wc -l < "$listed") files)"
exit $status
