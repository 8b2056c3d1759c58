#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Each language of po/LINGUAS translates every message of the current
# sources: the template is extracted afresh (as `ninja fidelis-pot` would,
# with the same xgettext arguments as po/meson.build's glib preset, into a
# temporary folder: the source tree is not touched), the catalogue merged
# with it, and any untranslated or fuzzy message listed.
#   check-po-complete.sh SOURCE_ROOT
set -eu

top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# meson's i18n 'glib' preset (mesonbuild/modules/i18n.py), plus the
# plugins' Description= keys (po/meson.build).
xgettext --package-name=fidelis -f "$top/po/POTFILES.in" -D "$top" -k_ \
  -o "$tmp/fidelis.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  --keyword=Description

status=0
for lang in $(sed -e 's/#.*//' "$top/po/LINGUAS"); do
  po="$top/po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "FAILED: po/LINGUAS lists $lang but po/$lang.po does not exist"
    status=1
    continue
  fi

  msgmerge --quiet --no-wrap --output-file="$tmp/$lang.po" "$po" "$tmp/fidelis.pot"
  msgattrib --no-wrap --no-obsolete --untranslated --output-file="$tmp/$lang-untranslated.po" "$tmp/$lang.po"
  msgattrib --no-wrap --no-obsolete --only-fuzzy --output-file="$tmp/$lang-fuzzy.po" "$tmp/$lang.po"

  stats=$(msgfmt --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  echo "po/$lang.po against the current sources: $stats"
  for kind in untranslated fuzzy; do
    if grep -q '^msgid ' "$tmp/$lang-$kind.po" 2>/dev/null; then
      echo "FAILED: $kind messages in po/$lang.po:"
      # Where each one is and what it says (with --no-wrap, one line each),
      # without the header entry (msgid "").
      grep -E '^(#:|msgctxt|msgid|msgid_plural) ' "$tmp/$lang-$kind.po" | grep -vx 'msgid ""' || true
      status=1
    fi
  done
done

exit $status
