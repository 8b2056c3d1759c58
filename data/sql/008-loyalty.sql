-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 8: loyalty programme, referrals and engagement
-- score (issue 14).
--
-- Points are earned when the event happens, by triggers on the tables where
-- the event lands (a holding, a survey response), so every path that writes
-- them — the 360 view, an import, a won opportunity, another SQLite client —
-- earns the same points. Time-based earning (years of relationship) and
-- expiry have no event row: fid_store_loyalty_accrue posts them.
--
-- Every credit is idempotent: a ledger line is unique per (customer, source
-- kind, source id), and every credit is INSERT OR IGNORE, so running a
-- trigger or the accrual pass twice never credits twice.

-- Who referred whom. A person is referred once (the first referrer counts);
-- converted_on is set when the referred person opens their first holding.
CREATE TABLE referrals (
  id           INTEGER PRIMARY KEY,
  referrer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  referred_id  INTEGER NOT NULL UNIQUE REFERENCES customers (id) ON DELETE CASCADE,
  referred_on  TEXT NOT NULL CHECK (date (referred_on) IS referred_on),
  converted_on TEXT CHECK (converted_on IS NULL OR date (converted_on) IS converted_on),
  created_at   TEXT NOT NULL,
  CHECK (referrer_id <> referred_id)
) STRICT;
CREATE INDEX referrals_referrer ON referrals (referrer_id, referred_on);

-- Members of the programme: only members earn points. Recording a referral
-- enrols the referrer. Only events on or after joined_on earn, so that
-- joining does not credit a lifetime of old holdings.
CREATE TABLE loyalty_members (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
  joined_on   TEXT NOT NULL CHECK (date (joined_on) IS joined_on)
) STRICT;

-- Points per event kind (editable; 0 switches a rule off).
CREATE TABLE loyalty_rules (
  kind   TEXT PRIMARY KEY CHECK (kind IN ('referral_converted', 'product_opened',
                                          'relationship_year', 'survey_answered')),
  points INTEGER NOT NULL CHECK (points >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO loyalty_rules (kind, points) VALUES
  ('referral_converted', 500), ('product_opened', 100),
  ('relationship_year', 50), ('survey_answered', 20);

-- One row: how long earned points stay valid (0: forever), what 100 points
-- cost the bank (the liability of outstanding points, in cents), and the
-- date the engagement scores were last computed as of.
CREATE TABLE loyalty_settings (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  points_validity_months INTEGER NOT NULL DEFAULT 24 CHECK (points_validity_months BETWEEN 0 AND 600),
  cents_per_100_points   INTEGER NOT NULL DEFAULT 100 CHECK (cents_per_100_points >= 0),
  engagement_as_of       TEXT
) STRICT;
INSERT INTO loyalty_settings (id) VALUES (1);

-- The points ledger: append-only like audit_log. A balance is the sum of a
-- customer's lines. Earning lines (points > 0) carry expires_on, the first
-- day on which they are no longer valid; spending lines (redemption,
-- expiry) are negative. source_id is the row the line comes from: the
-- referral, the holding, the survey response, the redemption, the number
-- of the relationship year, or for an expiry the ledger line it expires.
CREATE TABLE points_ledger (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  points      INTEGER NOT NULL CHECK (points <> 0),
  reason      TEXT NOT NULL,
  source_kind TEXT NOT NULL CHECK (source_kind IN ('referral', 'holding', 'relationship_year',
                                                   'survey_response', 'redemption', 'expiry')),
  source_id   INTEGER NOT NULL,
  posted_on   TEXT NOT NULL CHECK (date (posted_on) IS posted_on),
  expires_on  TEXT CHECK (expires_on IS NULL OR date (expires_on) IS expires_on),
  CHECK ((points > 0) = (source_kind NOT IN ('redemption', 'expiry'))),
  CHECK (expires_on IS NULL OR points > 0)
) STRICT;
CREATE UNIQUE INDEX points_ledger_source ON points_ledger (customer_id, source_kind, source_id);
CREATE INDEX points_ledger_posted ON points_ledger (posted_on);

CREATE TRIGGER points_ledger_no_update BEFORE UPDATE ON points_ledger
BEGIN SELECT RAISE (ABORT, 'the points ledger is append-only'); END;
-- Deleting the customer (erasure) cascades to their lines: by then the
-- customer row is gone, which is the one case the trigger lets through.
CREATE TRIGGER points_ledger_no_delete BEFORE DELETE ON points_ledger
WHEN EXISTS (SELECT 1 FROM customers WHERE id = old.customer_id)
BEGIN SELECT RAISE (ABORT, 'the points ledger is append-only'); END;
-- The balance check of the store runs inside the write transaction; this is
-- the same rule in the schema, for any other writer.
CREATE TRIGGER points_ledger_no_overdraw BEFORE INSERT ON points_ledger WHEN new.points < 0
BEGIN
  SELECT RAISE (ABORT, 'the points balance cannot go below zero')
  WHERE (SELECT coalesce (sum (points), 0) FROM points_ledger WHERE customer_id = new.customer_id)
        + new.points < 0;
END;

CREATE TABLE rewards (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (trim (name) <> ''),
  cost_points INTEGER NOT NULL CHECK (cost_points > 0),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;
INSERT INTO rewards (name, cost_points) VALUES
  ('One month without account fees', 300),
  ('Two cinema tickets', 500),
  ('Travel insurance upgrade', 1500);

CREATE TABLE redemptions (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  reward_id   INTEGER NOT NULL REFERENCES rewards (id),
  points      INTEGER NOT NULL CHECK (points > 0),
  redeemed_at TEXT NOT NULL
) STRICT;
CREATE INDEX redemptions_customer ON redemptions (customer_id, redeemed_at);
CREATE INDEX redemptions_reward ON redemptions (reward_id);

-- Engagement score weights (fid-engagement.c documents the formula).
CREATE TABLE engagement_weights (
  name  TEXT PRIMARY KEY,
  value REAL NOT NULL CHECK (value >= 0)
) STRICT, WITHOUT ROWID;
INSERT INTO engagement_weights (name, value) VALUES
  ('recency_points', 30), ('recency_days', 365), ('window_days', 365),
  ('interactions_cap', 30), ('channel:branch', 4), ('channel:phone', 3), ('channel:web', 2),
  ('channel:email', 1), ('channel:sms', 1), ('channel:mail', 1), ('channel:other', 1),
  ('campaign_response', 5), ('campaign_cap', 15),
  ('survey_answered', 5), ('survey_cap', 10),
  ('referral', 5), ('referral_converted', 10), ('referral_cap', 15);

-- The cached score 0–100 (and the unqualified-prospect flag) beside the
-- other per-customer aggregates: every customer has a customer_stats row,
-- so the list sorts by score with keyset paging on this index, like revenue.
ALTER TABLE customer_stats ADD COLUMN engagement_score INTEGER NOT NULL DEFAULT 0
  CHECK (engagement_score BETWEEN 0 AND 100);
ALTER TABLE customer_stats ADD COLUMN engagement_unqualified INTEGER NOT NULL DEFAULT 0
  CHECK (engagement_unqualified IN (0, 1));
CREATE INDEX customer_stats_engagement ON customer_stats (engagement_score, customer_id);

-- Earning triggers. The expiry date is computed from the settings row.
-- A referred person's first holding converts the referral and credits the
-- referrer (when a member).
CREATE TRIGGER loyalty_referral_converts AFTER INSERT ON holdings
WHEN EXISTS (SELECT 1 FROM referrals WHERE referred_id = new.customer_id AND converted_on IS NULL)
BEGIN
  UPDATE referrals SET converted_on = max (new.opened_on, referred_on)
  WHERE referred_id = new.customer_id AND converted_on IS NULL;
  INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind, source_id,
                                       posted_on, expires_on)
  SELECT r.referrer_id, lr.points, 'referral converted', 'referral', r.id, r.converted_on,
         CASE WHEN s.points_validity_months > 0
              THEN date (r.converted_on, '+' || s.points_validity_months || ' months') END
  FROM referrals r
  JOIN loyalty_members m ON m.customer_id = r.referrer_id AND m.joined_on <= r.converted_on
  JOIN loyalty_rules lr ON lr.kind = 'referral_converted' AND lr.points > 0
  JOIN loyalty_settings s ON s.id = 1
  WHERE r.referred_id = new.customer_id;
END;

CREATE TRIGGER loyalty_product_opened AFTER INSERT ON holdings
WHEN EXISTS (SELECT 1 FROM loyalty_members WHERE customer_id = new.customer_id
             AND joined_on <= new.opened_on)
BEGIN
  INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind, source_id,
                                       posted_on, expires_on)
  SELECT new.customer_id, lr.points, 'product opened', 'holding', new.id, new.opened_on,
         CASE WHEN s.points_validity_months > 0
              THEN date (new.opened_on, '+' || s.points_validity_months || ' months') END
  FROM loyalty_rules lr JOIN loyalty_settings s ON s.id = 1
  WHERE lr.kind = 'product_opened' AND lr.points > 0;
END;

CREATE TRIGGER loyalty_survey_answered AFTER INSERT ON survey_responses
WHEN new.customer_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM loyalty_members WHERE customer_id = new.customer_id
                 AND joined_on <= substr (new.answered_at, 1, 10))
BEGIN
  INSERT OR IGNORE INTO points_ledger (customer_id, points, reason, source_kind, source_id,
                                       posted_on, expires_on)
  SELECT new.customer_id, lr.points, 'survey answered', 'survey_response', new.id,
         substr (new.answered_at, 1, 10),
         CASE WHEN s.points_validity_months > 0
              THEN date (substr (new.answered_at, 1, 10), '+' || s.points_validity_months || ' months') END
  FROM loyalty_rules lr JOIN loyalty_settings s ON s.id = 1
  WHERE lr.kind = 'survey_answered' AND lr.points > 0;
END;
