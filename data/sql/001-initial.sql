-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 1: the whole domain of DESIGN.md §3.
-- Money is integer cents; dates are ISO 8601 text (YYYY-MM-DD, or
-- YYYY-MM-DDTHH:MM:SS for moments). Applied in one transaction by FidStore.

CREATE TABLE fidelis_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE branches (
  id        INTEGER PRIMARY KEY,
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  city      TEXT NOT NULL,
  postcode  TEXT,
  latitude  REAL,
  longitude REAL
) STRICT;

CREATE TABLE advisors (
  id         INTEGER PRIMARY KEY,
  branch_id  INTEGER REFERENCES branches (id),
  first_name TEXT NOT NULL,
  last_name  TEXT NOT NULL,
  email      TEXT,
  role       TEXT NOT NULL DEFAULT 'advisor'
             CHECK (role IN ('advisor', 'branch_manager', 'marketing', 'trainer'))
) STRICT;
CREATE INDEX advisors_branch ON advisors (branch_id);

CREATE TABLE households (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE customers (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'company')),
  title           TEXT,
  first_name      TEXT NOT NULL DEFAULT '',
  last_name       TEXT NOT NULL,
  -- Accent- and case-folded "last first", computed by the store: the name sort key.
  sort_name       TEXT NOT NULL,
  birth_date      TEXT,
  email           TEXT,
  phone           TEXT,
  address         TEXT,
  postcode        TEXT,
  city            TEXT NOT NULL DEFAULT '',
  latitude        REAL,
  longitude       REAL,
  household_id    INTEGER REFERENCES households (id) ON DELETE SET NULL,
  household_role  TEXT,
  advisor_id      INTEGER REFERENCES advisors (id),
  branch_id       INTEGER REFERENCES branches (id),
  lifecycle_stage TEXT NOT NULL DEFAULT 'prospect'
                  CHECK (lifecycle_stage IN ('unknown', 'prospect', 'new', 'satisfied',
                                             'dissatisfied', 'inactive', 'lost', 'reactivated')),
  segment         TEXT,
  annual_income_cents INTEGER CHECK (annual_income_cents IS NULL OR annual_income_cents >= 0),
  preferred_channel TEXT,
  -- Flags the profitability matrix must never hide (DOMAIN.md).
  is_reference    INTEGER NOT NULL DEFAULT 0,
  is_fast_growing INTEGER NOT NULL DEFAULT 0,
  other_division  INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  -- Row version: bumped on every update so concurrent edits can be detected.
  version         INTEGER NOT NULL DEFAULT 1,
  -- Digits of the phone number, so that "0612" finds "06 12 34 56 78".
  phone_digits    TEXT GENERATED ALWAYS AS
                  (replace(replace(replace(replace(phone, ' ', ''), '.', ''), '-', ''), '+', '')) VIRTUAL
) STRICT;
CREATE INDEX customers_sort_name ON customers (sort_name, id);
CREATE INDEX customers_city ON customers (city, id);
CREATE INDEX customers_advisor ON customers (advisor_id, sort_name, id);
CREATE INDEX customers_branch ON customers (branch_id, sort_name, id);
CREATE INDEX customers_household ON customers (household_id);
CREATE INDEX customers_lifecycle ON customers (lifecycle_stage, sort_name, id);
CREATE INDEX customers_email ON customers (email COLLATE NOCASE);

-- Consent per customer and channel, with its date and source (GDPR).
CREATE TABLE consents (
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel     TEXT NOT NULL,
  marketing   INTEGER NOT NULL CHECK (marketing IN (0, 1)),
  given_at    TEXT NOT NULL,
  source      TEXT NOT NULL,
  PRIMARY KEY (customer_id, channel)
) STRICT, WITHOUT ROWID;

-- Per-customer aggregates over transactions, kept current by triggers below.
CREATE TABLE customer_stats (
  customer_id   INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  tx_count      INTEGER NOT NULL DEFAULT 0,
  tx_sum_cents  INTEGER NOT NULL DEFAULT 0,
  margin_cents  INTEGER NOT NULL DEFAULT 0,
  first_tx_date TEXT,
  last_tx_date  TEXT,
  -- '' until the first interaction, so keyset paging never meets NULL.
  last_contact_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX customer_stats_sum ON customer_stats (tx_sum_cents, customer_id);
CREATE INDEX customer_stats_last_tx ON customer_stats (last_tx_date, customer_id);
CREATE INDEX customer_stats_last_contact ON customer_stats (last_contact_at, customer_id);

CREATE TABLE products (
  id     INTEGER PRIMARY KEY,
  code   TEXT NOT NULL UNIQUE,
  name   TEXT NOT NULL,
  family TEXT NOT NULL CHECK (family IN ('current_account', 'savings', 'card', 'mortgage',
                                         'consumer_loan', 'student_loan', 'insurance',
                                         'investment'))
) STRICT;

CREATE TABLE holdings (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  product_id   INTEGER NOT NULL REFERENCES products (id),
  opened_on    TEXT NOT NULL,
  closed_on    TEXT,
  balance_cents INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX holdings_customer ON holdings (customer_id, opened_on);
CREATE INDEX holdings_product ON holdings (product_id);

CREATE TABLE transactions (
  id            INTEGER PRIMARY KEY,
  customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL,
  margin_cents  INTEGER NOT NULL DEFAULT 0,
  product_family TEXT NOT NULL,
  channel       TEXT
) STRICT;
CREATE INDEX transactions_customer_date ON transactions (customer_id, date);

CREATE TABLE campaigns (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  objective      TEXT,
  channel        TEXT,
  product_family TEXT,
  starts_on      TEXT,
  ends_on        TEXT,
  cost_per_contact_cents INTEGER NOT NULL DEFAULT 0,
  fixed_cost_cents INTEGER NOT NULL DEFAULT 0,
  seed           INTEGER NOT NULL DEFAULT 0,
  control_share  REAL NOT NULL DEFAULT 0,
  status         TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'launched', 'closed')),
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE campaign_targets (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  grp          TEXT NOT NULL CHECK (grp IN ('test', 'control')),
  contacted_at TEXT,
  responded_at TEXT,
  converted_at TEXT,
  PRIMARY KEY (campaign_id, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX campaign_targets_customer ON campaign_targets (customer_id, contacted_at);

CREATE TABLE interactions (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  channel     TEXT NOT NULL,
  direction   TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  at          TEXT NOT NULL,
  advisor_id  INTEGER REFERENCES advisors (id),
  subject     TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  outcome     TEXT,
  next_step   TEXT,
  follow_up_on TEXT,
  follow_up_done INTEGER NOT NULL DEFAULT 0,
  campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
  status      TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'failed', 'planned'))
) STRICT;
CREATE INDEX interactions_customer_at ON interactions (customer_id, at);
CREATE INDEX interactions_follow_up ON interactions (advisor_id, follow_up_on)
  WHERE follow_up_on IS NOT NULL AND follow_up_done = 0;

CREATE TABLE tickets (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('request', 'complaint', 'incident')),
  category    TEXT,
  subject     TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'open'
              CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
  priority    TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  opened_at   TEXT NOT NULL,
  due_on      TEXT,
  resolved_at TEXT,
  resolution  TEXT,
  critical_incident INTEGER NOT NULL DEFAULT 0,
  advisor_id  INTEGER REFERENCES advisors (id)
) STRICT;
CREATE INDEX tickets_customer_opened ON tickets (customer_id, opened_at);
CREATE INDEX tickets_open ON tickets (status, due_on) WHERE status IN ('open', 'in_progress');

CREATE TABLE life_events (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('marriage', 'birth', 'higher_education', 'move',
                                            'new_job', 'retirement', 'old_vehicle', 'divorce',
                                            'death_in_family', 'inheritance')),
  occurred_on TEXT NOT NULL,
  notes       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX life_events_customer ON life_events (customer_id, occurred_on);

CREATE TABLE opportunities (
  id           INTEGER PRIMARY KEY,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  product_id   INTEGER NOT NULL REFERENCES products (id),
  stage        TEXT NOT NULL DEFAULT 'lead'
               CHECK (stage IN ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
  amount_cents INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  probability  REAL NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 1),
  advisor_id   INTEGER REFERENCES advisors (id),
  created_at   TEXT NOT NULL,
  expected_close_on TEXT
) STRICT;
CREATE INDEX opportunities_customer ON opportunities (customer_id, created_at);

CREATE TABLE surveys (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('kano', 'servqual', 'nps', 'csat', 'ces')),
  title      TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- One row per question. For Kano an item is a feature (functional and
-- dysfunctional answers are two answers on the same item); for SERVQUAL an item
-- is one of the 22 statements with its dimension.
CREATE TABLE survey_items (
  id        INTEGER PRIMARY KEY,
  survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  label     TEXT NOT NULL,
  dimension TEXT,
  UNIQUE (survey_id, position)
) STRICT;

CREATE TABLE survey_responses (
  id           INTEGER PRIMARY KEY,
  survey_id    INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  customer_id  INTEGER REFERENCES customers (id) ON DELETE SET NULL,
  respondent   TEXT,
  answered_at  TEXT NOT NULL
) STRICT;
CREATE INDEX survey_responses_survey ON survey_responses (survey_id);
CREATE INDEX survey_responses_customer ON survey_responses (customer_id, answered_at);

-- 'part' says which answer of the item this is: 'functional' / 'dysfunctional' /
-- 'importance' (Kano), 'expectation' / 'perception' / 'weight' (SERVQUAL), 'score'.
CREATE TABLE survey_answers (
  response_id INTEGER NOT NULL REFERENCES survey_responses (id) ON DELETE CASCADE,
  item_id     INTEGER NOT NULL REFERENCES survey_items (id) ON DELETE CASCADE,
  part        TEXT NOT NULL,
  value       INTEGER NOT NULL,
  PRIMARY KEY (response_id, item_id, part)
) STRICT, WITHOUT ROWID;

CREATE TABLE segment_snapshots (
  scheme      TEXT NOT NULL,
  taken_on    TEXT NOT NULL,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  segment     TEXT NOT NULL,
  PRIMARY KEY (scheme, taken_on, customer_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX segment_snapshots_customer ON segment_snapshots (customer_id, scheme, taken_on);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  details    TEXT
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;

-- Full-text search over name, e-mail, phone and city. remove_diacritics 2
-- folds accents ("helene" finds "Hélène"); the 2- and 3-character prefix
-- indexes make short search-as-you-type prefixes answer from the index.
CREATE VIRTUAL TABLE customers_fts USING fts5 (
  first_name, last_name, email, phone_digits, city,
  content = 'customers', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER customers_ai AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts (rowid, first_name, last_name, email, phone_digits, city)
  VALUES (new.id, new.first_name, new.last_name, new.email, new.phone_digits, new.city);
  INSERT INTO customer_stats (customer_id) VALUES (new.id);
END;
CREATE TRIGGER customers_ad AFTER DELETE ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, first_name, last_name, email, phone_digits, city)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.phone_digits, old.city);
END;
CREATE TRIGGER customers_au AFTER UPDATE OF first_name, last_name, email, phone, city ON customers BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, first_name, last_name, email, phone_digits, city)
  VALUES ('delete', old.id, old.first_name, old.last_name, old.email, old.phone_digits, old.city);
  INSERT INTO customers_fts (rowid, first_name, last_name, email, phone_digits, city)
  VALUES (new.id, new.first_name, new.last_name, new.email, new.phone_digits, new.city);
END;

-- Aggregates: an insert only widens the min/max, so it is O(1); an update or
-- delete may remove the extreme date, so those re-read the customer's dates
-- through transactions_customer_date (a two-row index probe).
CREATE TRIGGER transactions_ai AFTER INSERT ON transactions BEGIN
  UPDATE customer_stats SET
    tx_count = tx_count + 1,
    tx_sum_cents = tx_sum_cents + new.amount_cents,
    margin_cents = margin_cents + new.margin_cents,
    first_tx_date = CASE WHEN first_tx_date IS NULL OR new.date < first_tx_date
                         THEN new.date ELSE first_tx_date END,
    last_tx_date = CASE WHEN last_tx_date IS NULL OR new.date > last_tx_date
                        THEN new.date ELSE last_tx_date END
  WHERE customer_id = new.customer_id;
END;
CREATE TRIGGER transactions_ad AFTER DELETE ON transactions BEGIN
  UPDATE customer_stats SET
    tx_count = tx_count - 1,
    tx_sum_cents = tx_sum_cents - old.amount_cents,
    margin_cents = margin_cents - old.margin_cents,
    first_tx_date = (SELECT min (date) FROM transactions WHERE customer_id = old.customer_id),
    last_tx_date = (SELECT max (date) FROM transactions WHERE customer_id = old.customer_id)
  WHERE customer_id = old.customer_id;
END;
CREATE TRIGGER transactions_au AFTER UPDATE OF customer_id, date, amount_cents, margin_cents ON transactions BEGIN
  UPDATE customer_stats SET
    tx_count = tx_count - 1,
    tx_sum_cents = tx_sum_cents - old.amount_cents,
    margin_cents = margin_cents - old.margin_cents,
    first_tx_date = (SELECT min (date) FROM transactions WHERE customer_id = old.customer_id),
    last_tx_date = (SELECT max (date) FROM transactions WHERE customer_id = old.customer_id)
  WHERE customer_id = old.customer_id;
  UPDATE customer_stats SET
    tx_count = tx_count + 1,
    tx_sum_cents = tx_sum_cents + new.amount_cents,
    margin_cents = margin_cents + new.margin_cents,
    first_tx_date = (SELECT min (date) FROM transactions WHERE customer_id = new.customer_id),
    last_tx_date = (SELECT max (date) FROM transactions WHERE customer_id = new.customer_id)
  WHERE customer_id = new.customer_id;
END;

-- Last contact: the newest interaction of any channel that took place
-- (status 'done'): a planned meeting or a failed send is not a contact.
CREATE TRIGGER interactions_ai AFTER INSERT ON interactions WHEN new.status = 'done' BEGIN
  UPDATE customer_stats SET last_contact_at = new.at
  WHERE customer_id = new.customer_id AND last_contact_at < new.at;
END;
CREATE TRIGGER interactions_ad AFTER DELETE ON interactions BEGIN
  UPDATE customer_stats SET
    last_contact_at = coalesce ((SELECT max (at) FROM interactions WHERE customer_id = old.customer_id AND status = 'done'), '')
  WHERE customer_id = old.customer_id;
END;
CREATE TRIGGER interactions_au AFTER UPDATE OF customer_id, at, status ON interactions BEGIN
  UPDATE customer_stats SET
    last_contact_at = coalesce ((SELECT max (at) FROM interactions WHERE customer_id = old.customer_id AND status = 'done'), '')
  WHERE customer_id = old.customer_id;
  UPDATE customer_stats SET
    last_contact_at = coalesce ((SELECT max (at) FROM interactions WHERE customer_id = new.customer_id AND status = 'done'), '')
  WHERE customer_id = new.customer_id;
END;

INSERT INTO fidelis_meta (key, value) VALUES ('application', 'io.github.fidelis.Fidelis');
