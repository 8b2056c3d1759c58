-- SPDX-License-Identifier: GPL-3.0-or-later
-- Rows written at schema version 1 (tests/core/test-migration-fixtures.c):
-- one or more in every table, with the values a bank of the first release
-- held. Applied right after data/sql/001-initial.sql.

INSERT INTO branches (id, code, name, city, postcode, latitude, longitude) VALUES
  (1, 'LYS', 'Lyon Saxe', 'Lyon', '69003', 45.76, 4.84),
  (2, 'BRE', 'Brest Siam', 'Brest', '29200', 48.39, -4.49);
INSERT INTO advisors (id, branch_id, first_name, last_name, email, role) VALUES
  (1, 1, 'Élodie', 'Martin', 'e.martin@bank.example', 'advisor'),
  (2, 2, 'Bruno', 'Adam', NULL, 'branch_manager');
INSERT INTO households (id, name, created_at) VALUES (1, 'Famille Dupont', '2019-03-01');
INSERT INTO customers (id, kind, title, first_name, last_name, sort_name, birth_date, email, phone,
                       address, postcode, city, household_id, household_role, advisor_id, branch_id,
                       lifecycle_stage, segment, annual_income_cents, preferred_channel,
                       is_reference, created_at, updated_at, version) VALUES
  (1, 'person', 'Mme', 'Hélène', 'Dupont', 'dupont helene', '1980-02-29', 'h.dupont@example.fr',
   '06 12 34 56 78', '3 rue Garibaldi', '69003', 'Lyon', 1, 'head', 1, 1, 'satisfied', 'gold',
   4200000, 'email', 1, '2019-03-01', '2024-01-05T10:00:00', 3),
  (2, 'person', NULL, 'Paul', 'Dupont', 'dupont paul', NULL, NULL, NULL, NULL, NULL, 'Lyon', 1,
   'partner', 1, 1, 'lost', NULL, NULL, NULL, 0, '2019-03-01', '2019-03-01', 1),
  (3, 'company', NULL, '', 'SARL Bois', 'sarl bois', NULL, 'contact@bois.example', NULL, NULL,
   '29200', 'Brest', NULL, NULL, 2, 2, 'prospect', NULL, NULL, 'phone', 0, '2021-06-01',
   '2021-06-01', 1);
INSERT INTO consents (customer_id, channel, marketing, given_at, source) VALUES
  (1, 'email', 1, '2019-03-01T09:00:00', 'branch'),
  (1, 'sms', 0, '2020-05-02T12:00:00', 'web form'),
  (3, 'phone', 1, '2021-06-01T15:00:00', 'phone call');
INSERT INTO products (id, code, name, family) VALUES
  (1, 'CC', 'Compte courant', 'current_account'),
  (2, 'LA', 'Livret A', 'savings'),
  (3, 'CB', 'Carte Visa', 'card');
INSERT INTO holdings (id, customer_id, product_id, opened_on, closed_on, balance_cents) VALUES
  (1, 1, 1, '2019-03-01', NULL, 152000),
  (2, 1, 2, '2019-03-01', NULL, 1200000),
  (3, 2, 3, '2019-03-01', '2022-12-31', 0);
INSERT INTO transactions (id, customer_id, date, amount_cents, margin_cents, product_family, channel) VALUES
  (1, 1, '2023-05-01', 1000, 10, 'card', 'branch'),
  (2, 1, '2024-01-01', 2000, 20, 'card', 'web'),
  (3, 2, '2022-06-01', 500, 5, 'card', NULL),
  (4, 1, '2024-02-15', -300, 0, 'current_account', 'web');
INSERT INTO campaigns (id, name, objective, channel, product_family, starts_on, ends_on,
                       cost_per_contact_cents, fixed_cost_cents, seed, control_share, status, created_at) VALUES
  (1, 'Printemps épargne', 'savings', 'email', 'savings', '2024-03-01', '2024-03-31', 12, 50000, 7, 0.1,
   'closed', '2024-02-20');
INSERT INTO campaign_targets (campaign_id, customer_id, grp, contacted_at, responded_at, converted_at) VALUES
  (1, 1, 'test', '2024-03-02', '2024-03-05', NULL),
  (1, 2, 'control', NULL, NULL, NULL);
INSERT INTO interactions (id, customer_id, channel, direction, at, advisor_id, subject, notes, outcome,
                          next_step, follow_up_on, follow_up_done, campaign_id, status) VALUES
  (1, 1, 'phone', 'outbound', '2024-01-02T10:00:00', 1, 'Bilan annuel', 'Projet immobilier en 2025.',
   'interested', 'Proposer un rendez-vous', '2024-01-15', 0, NULL, 'done'),
  (2, 1, 'email', 'outbound', '2024-03-02T08:00:00', NULL, 'Printemps épargne', '', NULL, NULL, NULL, 0, 1, 'done'),
  (3, 3, 'phone', 'inbound', '2021-06-01T15:00:00', 2, 'Demande de devis', '', NULL, NULL, NULL, 0, NULL, 'planned');
INSERT INTO tickets (id, customer_id, kind, category, subject, description, status, priority, opened_at,
                     due_on, resolved_at, resolution, critical_incident, advisor_id) VALUES
  (1, 1, 'complaint', 'fees', 'Frais de tenue de compte', 'Frais prélevés deux fois.', 'resolved', 'high',
   '2024-02-01T09:30:00', '2024-02-08', '2024-02-03T11:00:00', 'Remboursé.', 0, 1),
  (2, 2, 'request', NULL, 'Clôture de carte', '', 'open', 'normal', '2022-12-20T14:00:00', NULL, NULL, NULL, 0, 1);
INSERT INTO life_events (id, customer_id, kind, occurred_on, notes) VALUES
  (1, 1, 'move', '2023-09-01', 'Nouvelle adresse à Lyon 3e');
INSERT INTO opportunities (id, customer_id, product_id, stage, amount_cents, probability, advisor_id,
                           created_at, expected_close_on) VALUES
  (1, 1, 2, 'proposal', 500000, 0.4, 1, '2024-01-02', '2024-06-30');
INSERT INTO surveys (id, kind, title, created_at) VALUES (1, 'nps', 'Satisfaction 2024', '2024-01-01');
INSERT INTO survey_items (id, survey_id, position, label, dimension) VALUES
  (1, 1, 1, 'Recommanderiez-vous la banque ?', NULL);
INSERT INTO survey_responses (id, survey_id, customer_id, respondent, answered_at) VALUES
  (1, 1, 1, 'h.dupont@example.fr', '2024-01-20T18:00:00'),
  (2, 1, NULL, 'anonyme', '2024-01-21T18:00:00');
INSERT INTO survey_answers (response_id, item_id, part, value) VALUES
  (1, 1, 'score', 9), (2, 1, 'score', 4);
INSERT INTO segment_snapshots (scheme, taken_on, customer_id, segment) VALUES
  ('rfm', '2024-01-31', 1, 'Champions'),
  ('rfm', '2024-01-31', 2, 'Lost');
INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details) VALUES
  (1, '2019-03-01T09:00:00', 'fidelis', 'create', 'customer', 1, NULL),
  (2, '2021-06-01T15:00:00', 'fidelis', 'create', 'customer', 3, 'web form'),
  (3, '2024-01-02T10:00:00', 'fidelis', 'create', 'interaction', 1, NULL),
  (4, '2024-02-01T09:30:00', 'fidelis', 'create', 'ticket', 1, NULL),
  (7, '2024-02-03T11:00:00', 'fidelis', 'status', 'ticket', 1, '{"status": "resolved"}');
