-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows first possible at schema 6 (campaigns: targeting, channel rule,
-- attribution window, exclusions). Relies on fixture-1's customers 1 and 2,
-- branch 1 and campaign 1.
INSERT INTO campaigns (id, name, objective, channel, product_family, starts_on, ends_on,
                       cost_per_contact_cents, fixed_cost_cents, seed, control_share, status, created_at,
                       channel_mode, attribution_days, margin_per_conversion_cents, launched_at,
                       pressure_max, pressure_days) VALUES
  (2, 'Relance clients à risque', 'Réactiver', 'email', 'insurance', '2024-05-01', '2024-05-31',
   5, 20000, 42, 0.1, 'launched', '2024-04-20T09:00:00', 'preferred', 45, 9000,
   '2024-05-01T09:30:00', 2, 30);
INSERT INTO campaign_targeting (campaign_id, snapshot_scheme, snapshot_taken_on, snapshot_segment,
                                segment, lifecycle_stage, branch_id, family_held, family_not_held,
                                age_min, age_max) VALUES
  (2, NULL, NULL, NULL, NULL, 'satisfied', 1, 'current_account', 'insurance', 25, 70);
INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at, responded_at, converted_at) VALUES
  (2, 1, 'test', '2024-05-01T09:30:00', '2024-05-04T11:00:00', NULL);
INSERT INTO campaign_exclusions (campaign_id, customer_id, reason, channel) VALUES
  (2, 2, 'consent', 'email');
