# SPDX-License-Identifier: GPL-3.0-or-later
"""What rfm.py and abc.py share: reading the bank's transactions with
pandas, SQL NTILE, and writing the result as Fidelis does."""

import sqlite3

import numpy as np
import pandas as pd


def read_transactions(db, where, params):
    """customer_id, date (datetime64) and amount_cents of the transactions
    matching @where, as a pandas user reads them from the SQLite bank."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tx = pd.read_sql_query(
            f"SELECT customer_id, date, amount_cents FROM transactions {where}",
            con, params=params)
    finally:
        con.close()
    tx["date"] = pd.to_datetime(tx["date"], format="%Y-%m-%d")
    return tx


def ntile(order, n, tiles=5):
    """SQL NTILE(@tiles) of each row, given @order, the row indices sorted by
    the window's ORDER BY (the first n mod tiles tiles get one row more)."""
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    base, extra = divmod(n, tiles)
    big = extra * (base + 1)
    return np.where(position < big,
                    position // (base + 1) + 1,
                    extra + (position - big) // max(base, 1) + 1)


def write_csv(result, path):
    """customer_id first, a header, LF line ends."""
    result.index.name = "customer_id"
    result.to_csv(path, lineterminator="\n")
