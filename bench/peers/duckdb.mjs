// SPDX-License-Identifier: GPL-3.0-or-later
//
// The "duckdb" peer of bench/run rfm_full and abc_full: RFM and ABC as
// app/core/analytics/fid-rfm.h defines them, in DuckDB SQL on DuckDB's
// own file format, through its Node.js package @duckdb/node-api
// (bench/package.json; installed under bench/ only, never a dependency of
// Fidelis).
//
//   node bench/peers/duckdb.mjs convert --csv FILE --output FILE.duckdb
//     Loads the transactions exported from the SQLite bank with
//     `sqlite3 -csv` (customer_id,date,amount_cents,product_family, no
//     header; FILE may be /dev/stdin) into a native DuckDB file.
//   node bench/peers/duckdb.mjs rfm --db FILE.duckdb --as-of YYYY-MM-DD
//       [--window-days 365] --output FILE.csv
//   node bench/peers/duckdb.mjs abc --db FILE.duckdb --as-of YYYY-MM-DD
//       [--window-days 365] [--a-percent 10] [--b-percent 35] --output FILE.csv
//     Write the result in customer order, as `fidelis-cli segment` does.

import { DuckDBInstance } from '@duckdb/node-api';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    csv: { type: 'string' },
    db: { type: 'string' },
    output: { type: 'string' },
    'as-of': { type: 'string' },
    'window-days': { type: 'string', default: '365' },
    'a-percent': { type: 'string', default: '10' },
    'b-percent': { type: 'string', default: '35' },
  },
});

function fail (message) {
  console.error(`duckdb.mjs: ${message}`);
  process.exit(2);
}

function need (name) {
  if (opts[name] === undefined)
    fail(`--${name} is required`);
  return opts[name];
}

// SQL literals: the values are checked, then written into the statement
// (COPY takes no bound parameters).
function quote (text) {
  return `'${text.replaceAll("'", "''")}'`;
}

function integer (name) {
  const text = need(name);
  if (!/^[0-9]+$/.test(text))
    fail(`--${name} needs a number, not “${text}”`);
  return Number(text);
}

function date (name) {
  const text = need(name);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text))
    fail(`--${name} needs a date YYYY-MM-DD, not “${text}”`);
  return `DATE ${quote(text)}`;
}

const RFM = (asOf, windowDays) => `
  WITH
    per_customer AS (
      SELECT customer_id,
             ${asOf} - max (date) AS recency_days,
             count (*) FILTER (WHERE date > ${asOf} - ${windowDays}) AS frequency,
             coalesce (sum (amount_cents) FILTER (WHERE date > ${asOf} - ${windowDays}), 0) AS monetary
        FROM transactions
       WHERE date <= ${asOf}
       GROUP BY customer_id),
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
   ORDER BY customer_id`;

const ABC = (asOf, windowDays, aPercent, bPercent) => `
  WITH
    revenue AS (
      SELECT customer_id, sum (amount_cents) AS revenue
        FROM transactions
       WHERE date > ${asOf} - ${windowDays} AND date <= ${asOf}
       GROUP BY customer_id
      HAVING sum (amount_cents) > 0),
    ranked AS (
      SELECT customer_id, revenue,
             row_number () OVER (ORDER BY revenue DESC, customer_id) AS rank,
             count (*) OVER () AS n
        FROM revenue)
  SELECT customer_id, revenue, rank,
         CASE
           WHEN 100 * rank <= ${aPercent} * n THEN 'A'
           WHEN 100 * rank <= ${bPercent} * n THEN 'B'
           ELSE 'C'
         END AS class
    FROM ranked
   ORDER BY customer_id`;

async function main () {
  const command = positionals[0];
  let path, sql;

  switch (command) {
    case 'convert':
      path = need('output');
      sql = `CREATE TABLE transactions AS
               SELECT * FROM read_csv (${quote(need('csv'))}, header = false,
                 columns = {'customer_id': 'BIGINT', 'date': 'DATE',
                            'amount_cents': 'BIGINT', 'product_family': 'VARCHAR'})`;
      break;
    case 'rfm':
      path = need('db');
      sql = `COPY (${RFM(date('as-of'), integer('window-days'))})
               TO ${quote(need('output'))} (FORMAT csv, HEADER)`;
      break;
    case 'abc':
      path = need('db');
      sql = `COPY (${ABC(date('as-of'), integer('window-days'),
                         integer('a-percent'), integer('b-percent'))})
               TO ${quote(need('output'))} (FORMAT csv, HEADER)`;
      break;
    default:
      fail('usage: duckdb.mjs convert|rfm|abc … (see the comment at its top)');
  }

  const instance = await DuckDBInstance.create(path,
    command === 'convert' ? {} : { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();

  await connection.run(sql);
  connection.closeSync();
  instance.closeSync();
}

await main();
