# SPDX-License-Identifier: GPL-3.0-or-later
"""RFM as app/core/analytics/fid-rfm.h defines it, in pandas (the "pandas"
peer of bench/run rfm_full). Run with Debian's interpreter and python3-pandas:

    /usr/bin/python3 bench/peers/rfm.py --db BANK --as-of YYYY-MM-DD \
        [--window-days 365] --output FILE

Writes customer_id,recency_days,frequency,monetary,r,f,m,segment in
customer order, as `fidelis-cli segment rfm` does."""

import argparse

import numpy as np
import pandas as pd

from common import ntile, read_transactions, write_csv

# The segment of scores r (row) and f (column), 1..5: the table of issue 5.
SEGMENTS = np.array([
    [""] * 6,
    ["", "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
    ["", "hibernating", "hibernating", "at_risk", "at_risk", "cant_lose_them"],
    ["", "about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"],
    ["", "promising", "potential_loyalists", "potential_loyalists", "loyal", "loyal"],
    ["", "new", "potential_loyalists", "potential_loyalists", "champions", "champions"],
], dtype=object)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--window-days", type=int, default=365)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    as_of = pd.Timestamp(args.as_of)
    start = as_of - pd.Timedelta(days=args.window_days)

    # Every transaction up to the as-of date: the customers whose last one
    # is before the window are the lost ones.
    tx = read_transactions(args.db, "WHERE date <= ?", (args.as_of,))
    in_window = tx["date"] > start
    tx["in_window"] = in_window.astype(np.int64)
    tx["monetary"] = tx["amount_cents"].where(in_window, 0)
    per_customer = tx.groupby("customer_id", sort=True).agg(
        last=("date", "max"), frequency=("in_window", "sum"), monetary=("monetary", "sum"))
    per_customer["recency_days"] = (as_of - per_customer["last"]).dt.days

    active = per_customer[per_customer["frequency"] > 0].copy()
    ids = active.index.to_numpy()
    n = len(active)
    active["r"] = ntile(np.lexsort((ids, -active["recency_days"].to_numpy())), n)
    active["f"] = ntile(np.lexsort((ids, active["frequency"].to_numpy())), n)
    active["m"] = ntile(np.lexsort((ids, active["monetary"].to_numpy())), n)
    active["segment"] = SEGMENTS[active["r"].to_numpy(), active["f"].to_numpy()]

    lost = per_customer[per_customer["frequency"] == 0]
    lost = pd.DataFrame({"recency_days": 0, "frequency": 0, "monetary": 0,
                         "r": 0, "f": 0, "m": 0, "segment": "lost"}, index=lost.index)
    columns = ["recency_days", "frequency", "monetary", "r", "f", "m", "segment"]
    result = pd.concat([active[columns], lost[columns]]).sort_index()
    write_csv(result, args.output)


if __name__ == "__main__":
    main()
