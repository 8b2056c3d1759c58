#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# help-page-ids: every required help page exists with its id, in the
# English source and in each translated build, and the application's list
# of help pages (help_pages[] in app/ui/fid-window.c, the ids F1 opens) is
# covered by the English pages.
#
#   check-page-ids.sh SOURCE_DIR BUILD_DIR FID_WINDOW_C "LANGS" ID...
set -u
src=$1 build=$2 window_c=$3 langs=$4
shift 4
status=0

check_page () {
  # $1: page file, $2: id
  if [ ! -f "$1" ]; then
    echo "missing: $1"
    status=1
  elif ! grep -q "id=\"$2\"" "$1"; then
    echo "$1 does not have the page id \"$2\""
    status=1
  fi
}

for id in "$@"; do
  check_page "$src/C/$id.page" "$id"
  for lang in $langs; do
    check_page "$build/$lang/$id.page" "$id"
  done
done

# The ids the application opens: the quoted strings of its help_pages[]
# array, up to the NULL that ends it.
if [ -f "$window_c" ] && grep -q 'help_pages\[\] *=' "$window_c"; then
  app_ids=$(sed -n '/help_pages\[\] *=/,/NULL/p' "$window_c" | grep -o '"[^"]*"' | tr -d '"')
  if [ -z "$app_ids" ]; then
    echo "$window_c: could not read the ids of help_pages[]"
    status=1
  fi
  for id in $app_ids; do
    check_page "$src/C/$id.page" "$id"
  done
  echo "application's help pages: $(echo $app_ids)"
else
  echo "note: $window_c has no help_pages[] list; only the required ids were checked"
fi

[ $status -eq 0 ] && echo "all $# required pages present"
exit $status
