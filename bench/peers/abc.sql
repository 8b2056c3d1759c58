-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- ABC as app/core/analytics/fid-rfm.h defines it, for the sqlite3 shell
-- (the "sqlite3" peer of bench/run abc_full). Parameters, set by bench/run:
--   .parameter set :as_of "'YYYY-MM-DD'"
--   .parameter set :window_days 365
--   .parameter set :a_percent 10
--   .parameter set :b_percent 35
-- Writes customer_id,revenue,rank,class in customer order (with .mode csv
-- and .headers on), as `fidelis-cli segment abc` does.

WITH
  bounds (as_of, window_start) AS (
    SELECT :as_of, date (:as_of, '-' || :window_days || ' days')),
  revenue AS (
    SELECT t.customer_id, sum (t.amount_cents) AS revenue
      FROM transactions t, bounds b
     WHERE t.date > b.window_start AND t.date <= b.as_of
     GROUP BY t.customer_id
    HAVING sum (t.amount_cents) > 0),
  ranked AS (
    SELECT customer_id, revenue,
           row_number () OVER (ORDER BY revenue DESC, customer_id) AS rank,
           count (*) OVER () AS n
      FROM revenue)
SELECT customer_id, revenue, rank,
       CASE
         WHEN 100 * rank <= :a_percent * n THEN 'A'
         WHEN 100 * rank <= :b_percent * n THEN 'B'
         ELSE 'C'
       END AS class
  FROM ranked
 ORDER BY customer_id;
