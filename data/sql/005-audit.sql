-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 5: the audit trail becomes tamper-evident (issue 9).
--
-- audit_log (version 1) was already append-only by its triggers. Each row now
-- also carries prev_hash, the hash of the row before it, and hash, the
-- SHA-256 of prev_hash and the row's own fields in a canonical form: editing,
-- inserting or removing a row in the middle of the log (which takes dropping
-- the triggers, e.g. in the sqlite3 shell) breaks the chain at that row, and
-- fid_store_audit_verify names it.
--
-- The hash is computed in C by fid_store_audit_append (app/core/store/
-- fid-store-audit.c, GChecksum), the one function that writes this table,
-- and not by a trigger:
--   * SQLite has no SHA-256 in its core library: sha3() and sha256() are
--     loadable extensions (ext/misc/shathree.c, sha1.c) that Debian's
--     libsqlite3 does not build in. A trigger calling an application-defined
--     function would make every write to the table from any other SQLite
--     client fail with "no such function", and the schema would depend on
--     code outside the file.
--   * A BEFORE INSERT trigger cannot change NEW in SQLite; an AFTER INSERT
--     trigger would have to UPDATE the row, which is exactly what the
--     append-only trigger refuses.
-- So the schema stays plain SQL, readable and checkable by anyone; the chain
-- can be checked by any program that knows the canonical form (documented
-- in fid-store-audit.c).
--
-- Version-1 rows had no hash. This script moves them aside; FidStore then
-- copies them into the new table in id order, computing the chain, and drops
-- the old table, in the same transaction (fid-store.c, migration step 5).

DROP TRIGGER audit_log_no_update;
DROP TRIGGER audit_log_no_delete;
ALTER TABLE audit_log RENAME TO audit_log_v4;

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,   -- ISO 8601 local time with its UTC offset
  actor       TEXT NOT NULL,   -- 'advisor:ID Name', 'cli:LOGIN' or the login name
  action      TEXT NOT NULL,   -- create, update, delete, merge, export, view, erase,
                               -- anonymise, backup, restore, trash, consent, import…
  entity      TEXT NOT NULL,   -- customer, interaction, ticket, database, survey…
  entity_id   INTEGER,
  -- The customer the row is about (for an interaction or a ticket, its
  -- customer), so that a customer's trail is one index range. No foreign
  -- key: the row outlives an erased customer, and holds no personal data.
  customer_id INTEGER,
  details     TEXT CHECK (details IS NULL OR json_valid (details)),
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_customer ON audit_log (customer_id, id) WHERE customer_id IS NOT NULL;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
