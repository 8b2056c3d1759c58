#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when the fidelis binary links GTK 3 or libpeas-gtk (GTK 3), either of
# which makes a GTK 4 program abort at start.
set -u

binary=${1:?usage: test-no-gtk3.sh PATH-TO-fidelis}

if ! libs=$(ldd "$binary" 2>&1); then
  echo "ldd failed on $binary:" >&2
  echo "$libs" >&2
  exit 1
fi

if ! echo "$libs" | grep -q 'libgtk-4'; then
  echo "$binary does not link libgtk-4: is it the right file?" >&2
  exit 1
fi

bad=$(echo "$libs" | grep -E 'libgtk-3|libpeas-gtk' || true)
if [ -n "$bad" ]; then
  echo "$binary links GTK 3 libraries:" >&2
  echo "$bad" >&2
  exit 1
fi

echo "ok: $binary links GTK 4 only"
