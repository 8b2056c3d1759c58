-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 7: next best offer and the sales pipeline (issue 10).
--
-- Next best offer (app/core/analytics/fid-nbo.c) suggests, in the 360 view,
-- the three products a customer is most likely to need now, from
--   (a) life-event rules: an event of the customer (life_events) makes a
--       product timely for window_days after it;
--   (b) item-to-item co-holding: "customers who hold X also hold Y", from
--       counts over the current holdings cached in nbo_product_pairs.
-- The pipeline (app/core/store/fid-store-opportunities.c) follows the
-- opportunities an accepted suggestion (or an advisor, or a campaign) opens.

-- The life-event rules, editable in the application. A rule names a product
-- family and, preferably, a product code: the code is resolved to the
-- product when the suggestions are computed, so the rules do not depend on
-- the product ids of a bank (and can be seeded before any product exists);
-- when no product has that code, the family's most held product stands in.
-- The defaults are the course's examples, with the demo bank's codes.
CREATE TABLE nbo_rules (
  id             INTEGER PRIMARY KEY,
  event_kind     TEXT NOT NULL CHECK (event_kind IN ('marriage', 'birth', 'higher_education',
                                                     'move', 'new_job', 'retirement',
                                                     'old_vehicle', 'divorce',
                                                     'death_in_family', 'inheritance')),
  product_family TEXT NOT NULL CHECK (product_family IN ('current_account', 'savings', 'card',
                                                         'mortgage', 'consumer_loan',
                                                         'student_loan', 'insurance',
                                                         'investment')),
  product_code   TEXT,
  -- The rule fires from the event's date (or up to 90 days before it, for
  -- an announced event) until window_days after it.
  window_days    INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 3650),
  -- Relative importance among rules (0 < weight ≤ 10), times freshness.
  weight         REAL NOT NULL DEFAULT 1 CHECK (weight > 0 AND weight <= 10),
  enabled        INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  UNIQUE (event_kind, product_family, product_code)
) STRICT;

INSERT INTO nbo_rules (event_kind, product_family, product_code, window_days, weight) VALUES
  ('higher_education', 'student_loan',    'PE',       365, 1.0),
  ('old_vehicle',      'consumer_loan',   'P-AUTO',   180, 0.8),
  ('marriage',         'current_account', 'CC-JOINT', 365, 0.9),
  ('marriage',         'insurance',       'A-HAB',    365, 0.7),
  ('birth',            'savings',         'PEL',      365, 0.8),
  ('move',             'insurance',       'A-HAB',    180, 0.9),
  ('retirement',       'investment',      'PER',      365, 0.9);

-- A suggestion the advisor dismissed stays dismissed: one row per customer
-- and product, whatever the source that suggested it. Erasing the customer
-- (GDPR) removes the rows with them.
CREATE TABLE nbo_dismissals (
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  product_id   INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  dismissed_at TEXT NOT NULL,
  advisor_id   INTEGER REFERENCES advisors (id) ON DELETE SET NULL,
  actor        TEXT NOT NULL,   -- as in audit_log: who, even without an advisor
  PRIMARY KEY (customer_id, product_id)
) STRICT, WITHOUT ROWID;

-- Co-holding counts over the current holdings (closed_on IS NULL), one
-- ordered pair per row: both = customers holding product_id and other_id.
-- The diagonal (product_id = other_id) holds the number of holders of the
-- product. Support, confidence and lift are derived when read; computing the
-- counts takes one pass over holdings (a few seconds on a million customers),
-- so they are a cache refreshed on demand or when stale, not per 360 view.
CREATE TABLE nbo_product_pairs (
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  other_id   INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  both_count INTEGER NOT NULL CHECK (both_count > 0),
  PRIMARY KEY (product_id, other_id)
) STRICT, WITHOUT ROWID;

-- When the pair counts were computed and over how many customers (those with
-- at least one current holding: the base of the support and of the lift).
CREATE TABLE nbo_pairs_state (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  refreshed_at TEXT NOT NULL,
  customers    INTEGER NOT NULL CHECK (customers >= 0),
  holdings     INTEGER NOT NULL CHECK (holdings >= 0)
) STRICT;

-- The pipeline: where an opportunity came from, when its stage last changed,
-- when it was won or lost, and the holding a won opportunity created (at
-- most one: the unique index makes "won creates the holding exactly once"
-- a property of the schema, not only of the code).
ALTER TABLE opportunities ADD COLUMN source TEXT NOT NULL DEFAULT 'manual'
  CHECK (source IN ('nbo', 'manual', 'campaign'));
ALTER TABLE opportunities ADD COLUMN stage_changed_at TEXT;
ALTER TABLE opportunities ADD COLUMN closed_on TEXT;
ALTER TABLE opportunities ADD COLUMN holding_id INTEGER REFERENCES holdings (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX opportunities_holding ON opportunities (holding_id) WHERE holding_id IS NOT NULL;
-- The boards (per advisor, per stage) and the forecast (by close month).
CREATE INDEX opportunities_advisor_stage ON opportunities (advisor_id, stage);
CREATE INDEX opportunities_stage_close ON opportunities (stage, expected_close_on);
