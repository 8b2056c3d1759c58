-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 6: campaigns (issue 10) — targeting, the channel
-- rule, the attribution window, and the customers a plan leaves out.
--
-- Version 1 already has campaigns (name, objective, channel, product
-- family, period, costs, seed, control share, status) and campaign_targets
-- (test / control, contacted, responded, converted). What a marketing
-- manager also needs to plan and to measure is added here.

-- How each target's channel is chosen: 'forced' contacts everyone on
-- campaigns.channel; 'preferred' uses the customer's preferred channel and
-- falls back on campaigns.channel for those without one.
ALTER TABLE campaigns ADD COLUMN channel_mode TEXT NOT NULL DEFAULT 'forced'
  CHECK (channel_mode IN ('forced', 'preferred'));
-- A conversion counts when it happens within this many days after the
-- contact (for the control group: after the launch).
ALTER TABLE campaigns ADD COLUMN attribution_days INTEGER NOT NULL DEFAULT 30
  CHECK (attribution_days BETWEEN 1 AND 366);
-- The margin one conversion brings (cents): incremental conversions times
-- this is the incremental margin of the return on investment.
ALTER TABLE campaigns ADD COLUMN margin_per_conversion_cents INTEGER NOT NULL DEFAULT 0
  CHECK (margin_per_conversion_cents >= 0);
-- When it was launched (ISO date-time; NULL for a draft, and for campaigns
-- written before version 6, whose start date stands in for it), and the
-- contact-pressure cap applied then, so the plan can be explained later.
ALTER TABLE campaigns ADD COLUMN launched_at TEXT;
ALTER TABLE campaigns ADD COLUMN pressure_max INTEGER CHECK (pressure_max IS NULL OR pressure_max >= 0);
ALTER TABLE campaigns ADD COLUMN pressure_days INTEGER CHECK (pressure_days IS NULL OR pressure_days >= 1);
CREATE INDEX campaigns_status ON campaigns (status, id);

-- The channel each test customer was contacted on (with the 'preferred'
-- rule it differs from one customer to the next) is the channel of the
-- contact's interaction, which carries the campaign id: campaign_targets
-- keeps its version-1 columns.

-- Who a campaign targets. No row: every customer. Each non-NULL column
-- narrows the target (AND). A saved segment is a segment snapshot (scheme,
-- date, segment key), so the target does not move while the campaign is
-- prepared; 'segment' is the customer's own segment field.
CREATE TABLE campaign_targeting (
  campaign_id       INTEGER PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  snapshot_scheme   TEXT,
  snapshot_taken_on TEXT,
  snapshot_segment  TEXT,
  segment           TEXT,
  lifecycle_stage   TEXT CHECK (lifecycle_stage IS NULL OR lifecycle_stage IN
                      ('unknown', 'prospect', 'new', 'satisfied', 'dissatisfied',
                       'inactive', 'lost', 'reactivated')),
  branch_id         INTEGER REFERENCES branches (id) ON DELETE SET NULL,
  family_held       TEXT,
  family_not_held   TEXT,
  age_min           INTEGER CHECK (age_min IS NULL OR age_min BETWEEN 0 AND 150),
  age_max           INTEGER CHECK (age_max IS NULL OR age_max BETWEEN 0 AND 150),
  CHECK ((snapshot_scheme IS NULL) = (snapshot_taken_on IS NULL)
         AND (snapshot_scheme IS NULL) = (snapshot_segment IS NULL)),
  CHECK (age_min IS NULL OR age_max IS NULL OR age_min <= age_max)
) STRICT;

-- Targeted customers the launch left out, and why: no marketing consent
-- on the channel, or the contact-pressure cap reached. Kept so that they
-- are counted and can be listed after the launch.
CREATE TABLE campaign_exclusions (
  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  reason      TEXT NOT NULL CHECK (reason IN ('consent', 'pressure')),
  channel     TEXT,
  PRIMARY KEY (campaign_id, customer_id)
) STRICT, WITHOUT ROWID;
-- A customer's erasure or merge finds their rows.
CREATE INDEX campaign_exclusions_customer ON campaign_exclusions (customer_id);
