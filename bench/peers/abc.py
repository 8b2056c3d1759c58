# SPDX-License-Identifier: GPL-3.0-or-later
"""ABC as app/core/analytics/fid-rfm.h defines it, in pandas (the "pandas"
peer of bench/run abc_full). Run with Debian's interpreter and python3-pandas:

    /usr/bin/python3 bench/peers/abc.py --db BANK --as-of YYYY-MM-DD \
        [--window-days 365] [--a-percent 10] [--b-percent 35] --output FILE

Writes customer_id,revenue,rank,class in customer order, as `fidelis-cli
segment abc` does."""

import argparse

import numpy as np
import pandas as pd

from common import read_transactions, write_csv


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--window-days", type=int, default=365)
    parser.add_argument("--a-percent", type=int, default=10)
    parser.add_argument("--b-percent", type=int, default=35)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    as_of = pd.Timestamp(args.as_of)
    start = (as_of - pd.Timedelta(days=args.window_days)).strftime("%Y-%m-%d")

    tx = read_transactions(args.db, "WHERE date > ? AND date <= ?", (start, args.as_of))
    revenue = tx.groupby("customer_id", sort=True)["amount_cents"].sum()
    revenue = revenue[revenue > 0]

    result = pd.DataFrame({"revenue": revenue})
    n = len(result)
    order = np.lexsort((result.index.to_numpy(), -result["revenue"].to_numpy()))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    result["rank"] = rank
    result["class"] = np.where(100 * rank <= args.a_percent * n, "A",
                               np.where(100 * rank <= args.b_percent * n, "B", "C"))
    write_csv(result, args.output)


if __name__ == "__main__":
    main()
