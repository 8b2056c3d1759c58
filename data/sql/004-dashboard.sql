-- SPDX-License-Identifier: GPL-3.0-or-later
-- Fidelis schema, version 4: the dashboards' maintained counts (issue 7).
--
-- A dashboard refresh must answer in well under a second on a million
-- customers, but some of its figures would scan millions of rows: the
-- contacts by channel and month (every interaction), the NPS and CSAT
-- answers, the customers and their lifecycle stages. So those counts are
-- kept here by triggers, per day, for the whole bank (scope 0) and for each
-- branch (scope = the branch id), and a refresh reads a few thousand rows.
--
--   measure    key                 day          n
--   customers  ''                  created_at   customers created that day
--   stage      lifecycle_stage     ''           customers now in that stage
--   contacts   channel             at           interactions that took place
--                                               (status 'done')
--   nps, csat  the score (0–10,    answered_at  'score' answers to an NPS or
--              1–5) as text                     CSAT survey
--
-- A customer without a branch counts in scope 0 only; an answer without a
-- customer too. Moving a customer to another branch moves their counts.
-- FidBulkLoader's fresh-file mode drops these triggers during a load and
-- refills the table at the end (fid_store_rebuild_dashboard_counts, which
-- runs the same INSERT … SELECT as below): keep the two in step.

CREATE TABLE dashboard_counts (
  measure TEXT NOT NULL,
  scope   INTEGER NOT NULL,
  key     TEXT NOT NULL,
  day     TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (measure, scope, key, day)
) STRICT, WITHOUT ROWID;

-- One change to the counts: the whole bank's (when whole is 1) and the
-- branch's (when branch_id is not NULL). Triggers insert into this view,
-- so each of them says what changed and the upserts are written once.
CREATE VIEW dashboard_change (measure, key, day, branch_id, delta, whole) AS
  SELECT NULL, NULL, NULL, NULL, NULL, NULL WHERE 0;

CREATE TRIGGER dashboard_change_ii INSTEAD OF INSERT ON dashboard_change BEGIN
  INSERT INTO dashboard_counts (measure, scope, key, day, n)
  SELECT new.measure, 0, new.key, new.day, new.delta WHERE new.whole
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
  INSERT INTO dashboard_counts (measure, scope, key, day, n)
  SELECT new.measure, new.branch_id, new.key, new.day, new.delta WHERE new.branch_id IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

-- Customers ----------------------------------------------------------------
CREATE TRIGGER dashboard_customers_ai AFTER INSERT ON customers BEGIN
  INSERT INTO dashboard_change VALUES ('customers', '', substr (new.created_at, 1, 10), new.branch_id, 1, 1);
  INSERT INTO dashboard_change VALUES ('stage', new.lifecycle_stage, '', new.branch_id, 1, 1);
END;

CREATE TRIGGER dashboard_customers_au AFTER UPDATE OF branch_id, lifecycle_stage, created_at ON customers
WHEN old.branch_id IS NOT new.branch_id OR old.lifecycle_stage IS NOT new.lifecycle_stage
  OR substr (old.created_at, 1, 10) IS NOT substr (new.created_at, 1, 10) BEGIN
  INSERT INTO dashboard_change VALUES ('customers', '', substr (old.created_at, 1, 10), old.branch_id, -1, 1);
  INSERT INTO dashboard_change VALUES ('customers', '', substr (new.created_at, 1, 10), new.branch_id, 1, 1);
  INSERT INTO dashboard_change VALUES ('stage', old.lifecycle_stage, '', old.branch_id, -1, 1);
  INSERT INTO dashboard_change VALUES ('stage', new.lifecycle_stage, '', new.branch_id, 1, 1);
END;

-- The customer's contacts and answers follow them to their new branch (the
-- bank's totals do not change).
CREATE TRIGGER dashboard_customers_branch_au AFTER UPDATE OF branch_id ON customers
WHEN old.branch_id IS NOT new.branch_id BEGIN
  INSERT INTO dashboard_change
  SELECT 'contacts', channel, substr (at, 1, 10), old.branch_id, -count (*), 0
  FROM interactions WHERE customer_id = new.id AND status = 'done' GROUP BY 2, 3;
  INSERT INTO dashboard_change
  SELECT 'contacts', channel, substr (at, 1, 10), new.branch_id, count (*), 0
  FROM interactions WHERE customer_id = new.id AND status = 'done' GROUP BY 2, 3;
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), old.branch_id, -count (*), 0
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
  WHERE r.customer_id = new.id AND s.kind IN ('nps', 'csat') GROUP BY 1, 2, 3;
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), new.branch_id, count (*), 0
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
  WHERE r.customer_id = new.id AND s.kind IN ('nps', 'csat') GROUP BY 1, 2, 3;
END;

-- Before the delete, while the customer's rows are still there: a cascade
-- deletes the interactions after the customer, when their triggers can no
-- longer find the branch (so they leave the counts to this one). The
-- answers stay, without a customer: they leave the branch only.
CREATE TRIGGER dashboard_customers_bd BEFORE DELETE ON customers BEGIN
  INSERT INTO dashboard_change VALUES ('customers', '', substr (old.created_at, 1, 10), old.branch_id, -1, 1);
  INSERT INTO dashboard_change VALUES ('stage', old.lifecycle_stage, '', old.branch_id, -1, 1);
  INSERT INTO dashboard_change
  SELECT 'contacts', channel, substr (at, 1, 10), old.branch_id, -count (*), 1
  FROM interactions WHERE customer_id = old.id AND status = 'done' GROUP BY 2, 3;
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), old.branch_id, -count (*), 0
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
  WHERE r.customer_id = old.id AND s.kind IN ('nps', 'csat') GROUP BY 1, 2, 3;
END;

-- Contacts -------------------------------------------------------------------
CREATE TRIGGER dashboard_interactions_ai AFTER INSERT ON interactions WHEN new.status = 'done' BEGIN
  INSERT INTO dashboard_change VALUES ('contacts', new.channel, substr (new.at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = new.customer_id), 1, 1);
END;

CREATE TRIGGER dashboard_interactions_ad AFTER DELETE ON interactions
WHEN old.status = 'done' AND EXISTS (SELECT 1 FROM customers WHERE id = old.customer_id) BEGIN
  INSERT INTO dashboard_change VALUES ('contacts', old.channel, substr (old.at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = old.customer_id), -1, 1);
END;

CREATE TRIGGER dashboard_interactions_au AFTER UPDATE OF customer_id, channel, at, status ON interactions BEGIN
  INSERT INTO dashboard_change
  SELECT 'contacts', old.channel, substr (old.at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = old.customer_id), -1, 1
  WHERE old.status = 'done';
  INSERT INTO dashboard_change
  SELECT 'contacts', new.channel, substr (new.at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = new.customer_id), 1, 1
  WHERE new.status = 'done';
END;

-- NPS and CSAT answers ---------------------------------------------------------
-- A cascade deletes children after their parent, so each level counts its
-- own rows out before it goes, and the levels below find no parent and do
-- nothing.
CREATE TRIGGER dashboard_answers_ai AFTER INSERT ON survey_answers WHEN new.part = 'score' BEGIN
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (new.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), 1, 1
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  WHERE r.id = new.response_id AND s.kind IN ('nps', 'csat');
END;

CREATE TRIGGER dashboard_answers_bd BEFORE DELETE ON survey_answers WHEN old.part = 'score' BEGIN
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (old.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), -1, 1
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  WHERE r.id = old.response_id AND s.kind IN ('nps', 'csat');
END;

CREATE TRIGGER dashboard_answers_au AFTER UPDATE OF response_id, part, value ON survey_answers BEGIN
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (old.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), -1, 1
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  WHERE r.id = old.response_id AND old.part = 'score' AND s.kind IN ('nps', 'csat');
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (new.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), 1, 1
  FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
  WHERE r.id = new.response_id AND new.part = 'score' AND s.kind IN ('nps', 'csat');
END;

CREATE TRIGGER dashboard_responses_bd BEFORE DELETE ON survey_responses BEGIN
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (a.value AS TEXT), substr (old.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = old.customer_id), -1, 1
  FROM surveys s JOIN survey_answers a ON a.response_id = old.id AND a.part = 'score'
  WHERE s.id = old.survey_id AND s.kind IN ('nps', 'csat');
END;

-- Also runs when a deleted customer's answers lose their customer (ON
-- DELETE SET NULL): the customer is gone, so both halves reach the bank's
-- count only, and cancel out.
CREATE TRIGGER dashboard_responses_au AFTER UPDATE OF survey_id, customer_id, answered_at ON survey_responses BEGIN
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (a.value AS TEXT), substr (old.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = old.customer_id), -1, 1
  FROM surveys s JOIN survey_answers a ON a.response_id = new.id AND a.part = 'score'
  WHERE s.id = old.survey_id AND s.kind IN ('nps', 'csat');
  INSERT INTO dashboard_change
  SELECT s.kind, CAST (a.value AS TEXT), substr (new.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = new.customer_id), 1, 1
  FROM surveys s JOIN survey_answers a ON a.response_id = new.id AND a.part = 'score'
  WHERE s.id = new.survey_id AND s.kind IN ('nps', 'csat');
END;

CREATE TRIGGER dashboard_surveys_bd BEFORE DELETE ON surveys WHEN old.kind IN ('nps', 'csat') BEGIN
  INSERT INTO dashboard_change
  SELECT old.kind, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), -1, 1
  FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
  WHERE r.survey_id = old.id;
END;

CREATE TRIGGER dashboard_surveys_au AFTER UPDATE OF kind ON surveys
WHEN old.kind IS NOT new.kind AND (old.kind IN ('nps', 'csat') OR new.kind IN ('nps', 'csat')) BEGIN
  INSERT INTO dashboard_change
  SELECT old.kind, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), -1, 1
  FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
  WHERE r.survey_id = new.id AND old.kind IN ('nps', 'csat');
  INSERT INTO dashboard_change
  SELECT new.kind, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10),
    (SELECT branch_id FROM customers WHERE id = r.customer_id), 1, 1
  FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
  WHERE r.survey_id = new.id AND new.kind IN ('nps', 'csat');
END;

-- The customers contacted on one channel in one month (a click on the
-- dashboard's channel bars): an index range instead of a scan of every
-- interaction.
CREATE INDEX interactions_channel_at ON interactions (channel, at, customer_id)
  WHERE status = 'done';

-- What the bank already holds (fid_store_rebuild_dashboard_counts does the same).
INSERT INTO dashboard_counts (measure, scope, key, day, n)
SELECT 'customers', 0, '', substr (created_at, 1, 10), count (*) FROM customers GROUP BY 4
UNION ALL
SELECT 'customers', branch_id, '', substr (created_at, 1, 10), count (*) FROM customers
WHERE branch_id IS NOT NULL GROUP BY 2, 4
UNION ALL
SELECT 'stage', 0, lifecycle_stage, '', count (*) FROM customers GROUP BY 3
UNION ALL
SELECT 'stage', branch_id, lifecycle_stage, '', count (*) FROM customers
WHERE branch_id IS NOT NULL GROUP BY 2, 3
UNION ALL
SELECT 'contacts', 0, channel, substr (at, 1, 10), count (*) FROM interactions
WHERE status = 'done' GROUP BY 3, 4
UNION ALL
SELECT 'contacts', c.branch_id, i.channel, substr (i.at, 1, 10), count (*)
FROM interactions i JOIN customers c ON c.id = i.customer_id
WHERE i.status = 'done' AND c.branch_id IS NOT NULL GROUP BY 2, 3, 4
UNION ALL
SELECT s.kind, 0, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), count (*)
FROM surveys s JOIN survey_responses r ON r.survey_id = s.id
JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
WHERE s.kind IN ('nps', 'csat') GROUP BY 1, 3, 4
UNION ALL
SELECT s.kind, c.branch_id, CAST (a.value AS TEXT), substr (r.answered_at, 1, 10), count (*)
FROM surveys s JOIN survey_responses r ON r.survey_id = s.id
JOIN survey_answers a ON a.response_id = r.id AND a.part = 'score'
JOIN customers c ON c.id = r.customer_id
WHERE s.kind IN ('nps', 'csat') AND c.branch_id IS NOT NULL GROUP BY 1, 2, 3, 4;
