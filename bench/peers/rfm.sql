-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- RFM as app/core/analytics/fid-rfm.h defines it, for the sqlite3 shell
-- (the "sqlite3" peer of bench/run rfm_full). Parameters, set by bench/run:
--   .parameter set :as_of "'YYYY-MM-DD'"
--   .parameter set :window_days 365
-- Writes customer_id,recency_days,frequency,monetary,r,f,m,segment in
-- customer order (with .mode csv and .headers on), as `fidelis-cli segment
-- rfm` does.
--
-- One pass over the transactions up to the as-of date: a customer's last
-- day up to as_of lies in the window exactly when the customer has a
-- transaction in it, so the customers without one are the lost ones.

WITH
  bounds (as_of, window_start) AS (
    SELECT :as_of, date (:as_of, '-' || :window_days || ' days')),
  per_customer AS (
    SELECT t.customer_id,
           CAST (julianday (b.as_of) - julianday (max (t.date)) AS INTEGER) AS recency_days,
           sum (t.date > b.window_start) AS frequency,
           sum (CASE WHEN t.date > b.window_start THEN t.amount_cents ELSE 0 END) AS monetary
      FROM transactions t, bounds b
     WHERE t.date <= b.as_of
     GROUP BY t.customer_id),
  scored AS (
    SELECT customer_id, recency_days, frequency, monetary,
           ntile (5) OVER (ORDER BY recency_days DESC, customer_id) AS r,
           ntile (5) OVER (ORDER BY frequency, customer_id) AS f,
           ntile (5) OVER (ORDER BY monetary, customer_id) AS m
      FROM per_customer
     WHERE frequency > 0)
SELECT customer_id, recency_days, frequency, monetary, r, f, m,
       CASE
         WHEN r = 5 AND f >= 4 THEN 'champions'
         WHEN r >= 3 AND f >= 4 THEN 'loyal'
         WHEN r >= 4 AND f >= 2 THEN 'potential_loyalists'
         WHEN r = 5 THEN 'new'
         WHEN r = 4 THEN 'promising'
         WHEN r = 3 AND f = 3 THEN 'need_attention'
         WHEN r = 3 THEN 'about_to_sleep'
         WHEN f = 5 THEN 'cant_lose_them'
         WHEN f >= 3 THEN 'at_risk'
         ELSE 'hibernating'
       END AS segment
  FROM scored
UNION ALL
SELECT customer_id, 0, 0, 0, 0, 0, 0, 'lost'
  FROM per_customer
 WHERE frequency = 0
 ORDER BY customer_id;
