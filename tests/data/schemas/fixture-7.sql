-- Rows first possible at schema 7 (next best offer rules, dismissals and the sales pipeline (issue 10)).
-- An advisor's own rule, a dismissed suggestion, cached pair counts and a
-- won opportunity that created its holding.
INSERT INTO nbo_rules (id, event_kind, product_family, product_code, window_days, weight, enabled) VALUES
  (100, 'inheritance', 'investment', NULL, 120, 0.5, 0);
INSERT INTO nbo_dismissals (customer_id, product_id, dismissed_at, advisor_id, actor) VALUES
  (1, 3, '2024-09-02T10:00:00', 1, 'advisor:1 Élodie Martin');
INSERT INTO nbo_product_pairs (product_id, other_id, both_count) VALUES
  (1, 1, 2), (2, 2, 1), (1, 2, 1), (2, 1, 1);
INSERT INTO nbo_pairs_state (id, refreshed_at, customers, holdings) VALUES
  (1, '2024-09-01T08:00:00', 2, 3);
INSERT INTO holdings (id, customer_id, product_id, opened_on, closed_on, balance_cents) VALUES
  (7001, 4, 2, '2024-09-03', NULL, 300000);
INSERT INTO opportunities (id, customer_id, product_id, stage, amount_cents, probability, advisor_id,
                           created_at, expected_close_on, source, stage_changed_at, closed_on,
                           holding_id) VALUES
  (7001, 4, 2, 'won', 300000, 1, 1, '2024-08-01T09:00:00', '2024-09-30', 'nbo',
   '2024-09-03T11:00:00', '2024-09-03', 7001);
