#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Kills `fidelis-cli import` with SIGKILL at random moments (issue 9) and
# checks after every kill that the database is sound and that the import is
# wholly present or wholly absent:
#   - PRAGMA integrity_check says ok, PRAGMA foreign_key_check says nothing;
#   - the table grew by 0 or by every row of the file, never by part of it;
#   - one audit row "import" exactly when the rows are there;
#   - the customers' aggregates still match their transactions.
#
# Usage: kill-import.sh FIDELIS_CLI [ITERATIONS]   (default 100, or
# $KILL_IMPORT_ITERATIONS). Imports alternate between a transactions file
# and a customers file. The delay before the kill is drawn uniformly
# between 0 and 1.2 times an unkilled import's duration, so some kills land
# before the commit, some after, and some find the import finished.
# The figures go to standard output; any failure stops the script
# with status 1.

set -u

cli=${1:?usage: kill-import.sh FIDELIS_CLI [ITERATIONS]}
iterations=${2:-${KILL_IMPORT_ITERATIONS:-100}}
seed=${KILL_IMPORT_SEED:-20240901}
tx_rows=4000
customer_rows=2000

command -v sqlite3 > /dev/null || { echo "kill-import: needs the sqlite3 program"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fidelis-kill-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
db=$tmp/bank.db

fail () {
  echo "kill-import: FAIL: $*" >&2
  exit 1
}

"$cli" demo --customers 300 --seed 5 --output "$db" > /dev/null 2>&1 || fail "cannot create the demo bank"

# The files: French spreadsheets, semicolons, decimal commas, DD/MM/YYYY.
awk -v n=$tx_rows 'BEGIN {
  print "N° client;Date;Montant;Marge;Famille;Canal"
  for (i = 0; i < n; i++)
    printf "%d;%02d/%02d/%d;%d,%02d;%d,%02d;%s;%s\n", 1 + (i * 7) % 300, 1 + i % 28, 1 + i % 12,
      2021 + i % 4, 10 + i % 900, i % 100, i % 50, i % 100,
      (i % 3 == 0 ? "épargne" : (i % 3 == 1 ? "carte" : "assurance")), (i % 2 ? "agence" : "web")
}' > "$tmp/transactions.csv"
awk -v n=$customer_rows 'BEGIN {
  print "Civilité;Nom;Prénom;Date de naissance;Courriel;Ville;Revenu annuel"
  for (i = 0; i < n; i++)
    printf "%s;Importé%d;\"Prénom, %d\";%02d/%02d/%d;import%d@exemple.fr;Lyon;\"%d 000,00\"\n",
      (i % 2 ? "M." : "Mme"), i, i, 1 + i % 28, 1 + i % 12, 1950 + i % 50, i, 20 + i % 80
}' > "$tmp/customers.csv"

count () {
  sqlite3 "$db" "SELECT count(*) FROM $1" || fail "cannot read $1"
}
audit_imports () {
  sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE action = 'import'" || fail "cannot read the audit log"
}
now_ms () {
  echo $(( $(date +%s%N) / 1000000 ))
}

# How long an import of each kind takes here, on a copy: the kills' range
# follows it.
probe () {
  cp "$db" "$tmp/probe.db"
  local start=$(now_ms)
  "$cli" import "$tmp/$1.csv" "$tmp/probe.db" --kind "$1" > /dev/null || fail "the probe import of $1 failed"
  local ms=$(( $(now_ms) - start ))
  rm -f "$tmp/probe.db"*
  echo $(( ms > 0 ? ms : 1 ))
}
tx_ms=$(probe transactions)
customer_ms=$(probe customers)
echo "kill-import: unkilled, $tx_rows transactions take $tx_ms ms and $customer_rows customers $customer_ms ms; $iterations runs"

killed_before=0 killed_after=0 finished=0

for (( i = 1; i <= iterations; i++ )); do
  if (( i % 2 )); then
    kind=transactions table=transactions rows=$tx_rows duration_ms=$tx_ms
  else
    kind=customers table=customers rows=$customer_rows duration_ms=$customer_ms
  fi
  before=$(count "$table")
  audit_before=$(audit_imports)
  delay=$(awk -v s=$((seed + i)) -v max="$duration_ms" 'BEGIN { srand (s); printf "%.3f", rand () * max * 1.2 / 1000 }')

  "$cli" import "$tmp/$kind.csv" "$db" --kind "$kind" > "$tmp/out" 2> "$tmp/err" &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null  # no "Killed" line from the shell
  status=$?

  after=$(count "$table")
  audit_after=$(audit_imports)
  integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
  [ "$integrity" = ok ] || fail "run $i: integrity_check says: $integrity"
  fk=$(sqlite3 "$db" "PRAGMA foreign_key_check")
  [ -z "$fk" ] || fail "run $i: foreign_key_check says: $fk"

  if [ "$after" -eq "$before" ]; then
    present=0
  elif [ "$after" -eq $(( before + rows )) ]; then
    present=1
  else
    fail "run $i ($kind, killed after ${delay}s): $table went from $before to $after rows, not 0 or $rows more"
  fi
  [ "$audit_after" -eq $(( audit_before + present )) ] ||
    fail "run $i: $((audit_after - audit_before)) audit rows for an import that is $([ $present = 1 ] && echo present || echo absent)"

  case $status in
    137) if [ $present = 1 ]; then killed_after=$((killed_after + 1)); else killed_before=$((killed_before + 1)); fi ;;
    0) [ $present = 1 ] || fail "run $i: the import said it succeeded but its rows are absent"
       finished=$((finished + 1)) ;;
    *) fail "run $i: the import failed on its own (status $status): $(cat "$tmp/err")" ;;
  esac
done

# The triggers' work survived too: aggregates equal the raw transactions.
wrong=$(sqlite3 "$db" "SELECT count(*) FROM customer_stats s WHERE
  tx_count != (SELECT count(*) FROM transactions t WHERE t.customer_id = s.customer_id) OR
  tx_sum_cents != (SELECT coalesce (sum (amount_cents), 0) FROM transactions t WHERE t.customer_id = s.customer_id)")
[ "$wrong" -eq 0 ] || fail "$wrong customers' aggregates differ from their transactions"
"$cli" info "$db" > /dev/null || fail "fidelis-cli cannot open the bank after the kills"

echo "kill-import: $iterations runs: $killed_before killed before the commit (import absent)," \
     "$killed_after killed after it (import present), $finished finished before the kill;" \
     "integrity_check ok, foreign_key_check empty, every import all or nothing"
