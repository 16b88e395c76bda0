"""Peers for `styrsnurra signals` on the same data (Källa: Kolada), measured side by side.

    python3 benches/peers/signals.py WORKBOOK [--year 2022] [--municipality 0180] [--rounds 5]

Runs, alternating, for `rounds` rounds:
- styrsnurra: the release command line, whole process (start, open, read, compute, print);
- pandas: reads the workbook's values with pandas.read_sql and computes rank, band and trend
  with the same rules (timed from connecting to the result, interpreter start not counted);
- DuckDB: the same values in DuckDB's own file (built once, not timed), the same rules in one
  SQL query with window functions (timed from opening the file to the result).
Prints the median of each and the ratios. Needs `pip install pandas duckdb`.
"""

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import duckdb
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BINARY = os.path.join(ROOT, "target", "release", "styrsnurra")

# Rank 1 is best by the indicator's direction, ties share the best rank; band by share of
# (rank - 1) / of; trend over the three latest values up to the year, stable within 2 %.
DUCK_SQL = """
WITH d AS (SELECT id, direction FROM indicator WHERE direction IN ('higher', 'lower')),
y AS (
  SELECT v.indicator_id, v.municipality_id, v.value, d.direction,
         CASE WHEN d.direction = 'higher'
              THEN rank() OVER (PARTITION BY v.indicator_id ORDER BY v.value DESC)
              ELSE rank() OVER (PARTITION BY v.indicator_id ORDER BY v.value ASC) END AS rnk,
         count(*) OVER (PARTITION BY v.indicator_id) AS n
  FROM val v JOIN d ON d.id = v.indicator_id
  WHERE v.period = $year {muni_filter_rank}
),
t AS (
  SELECT indicator_id, municipality_id, period, value,
         row_number() OVER (PARTITION BY indicator_id, municipality_id ORDER BY period DESC) AS k
  FROM val WHERE period <= $year {muni_filter}
),
tr AS (
  SELECT indicator_id, municipality_id,
         max(CASE WHEN k = 1 THEN value END) AS last,
         max(CASE WHEN k = 3 THEN value END) AS first,
         max(CASE WHEN k = 1 THEN period END) AS last_period,
         count(*) AS points
  FROM t WHERE k <= 3 GROUP BY indicator_id, municipality_id
)
SELECT y.municipality_id, y.indicator_id, y.value, y.rnk, y.n,
       CASE WHEN (y.rnk - 1) * 1.0 / y.n < 0.25 THEN 'best25'
            WHEN (y.rnk - 1) * 1.0 / y.n >= 0.75 THEN 'worst25' ELSE 'middle50' END AS band,
       CASE WHEN tr.points < 3 OR tr.last_period <> $year THEN NULL
            WHEN abs(tr.last - tr.first) <= 0.02 * abs(tr.first) THEN 'stable'
            WHEN (tr.last > tr.first) = (y.direction = 'higher') THEN 'improving'
            ELSE 'worsening' END AS trend
FROM y LEFT JOIN tr USING (indicator_id, municipality_id)
{muni_filter_out}
"""


def ours(workbook, year, municipality):
    args = [BINARY, "signals", workbook, "--year", str(year)]
    args += ["--municipality", municipality] if municipality else ["--all"]
    started = time.perf_counter()
    out = subprocess.run(args, check=True, capture_output=True).stdout
    return time.perf_counter() - started, out.count(b"\n")


def with_pandas(workbook, year, municipality):
    started = time.perf_counter()
    conn = sqlite3.connect(workbook)
    values = pd.read_sql(
        "SELECT v.indicator_id, v.municipality_id, v.period, v.value FROM value v "
        "JOIN municipality m ON m.id = v.municipality_id AND m.kind = 'K' "
        "WHERE v.gender = 'T' AND v.value IS NOT NULL AND v.period <= ?",
        conn,
        params=(year,),
    )
    directions = pd.read_sql(
        "SELECT id AS indicator_id, direction FROM indicator "
        "WHERE direction IN ('higher', 'lower')",
        conn,
    )
    conn.close()
    in_year = values[values.period == year].merge(directions, on="indicator_id")
    signed = in_year.value.where(in_year.direction == "lower", -in_year.value)
    in_year = in_year.assign(
        rank=signed.groupby(in_year.indicator_id).rank(method="min"),
        n=in_year.groupby("indicator_id").value.transform("size"),
    )
    last3 = (
        values.sort_values("period", ascending=False)
        .groupby(["indicator_id", "municipality_id"])
        .head(3)
    )
    agg = last3.groupby(["indicator_id", "municipality_id"]).agg(
        last=("value", "first"), first=("value", "last"), points=("value", "size")
    )
    result = in_year.join(agg, on=["indicator_id", "municipality_id"])
    if municipality:
        result = result[result.municipality_id == municipality]
    return time.perf_counter() - started, len(result)


def duck_file(workbook):
    path = os.path.join(tempfile.gettempdir(), "styrsnurra-peer.duckdb")
    if os.path.exists(path):
        return path
    conn = sqlite3.connect(workbook)
    values = pd.read_sql(
        "SELECT v.indicator_id, v.municipality_id, v.period, v.value FROM value v "
        "JOIN municipality m ON m.id = v.municipality_id AND m.kind = 'K' "
        "WHERE v.gender = 'T' AND v.value IS NOT NULL",
        conn,
    )
    indicators = pd.read_sql("SELECT id, direction FROM indicator", conn)
    conn.close()
    db = duckdb.connect(path)
    db.execute("CREATE TABLE val AS SELECT * FROM values")
    db.execute("CREATE TABLE indicator AS SELECT * FROM indicators")
    db.close()
    return path


def with_duckdb(path, year, municipality):
    started = time.perf_counter()
    db = duckdb.connect(path, read_only=True)
    if municipality:
        sql = DUCK_SQL.format(
            muni_filter_rank="",
            muni_filter="AND municipality_id = $m",
            muni_filter_out="WHERE y.municipality_id = $m",
        )
        rows = db.execute(sql, {"year": year, "m": municipality}).fetchall()
    else:
        sql = DUCK_SQL.format(muni_filter_rank="", muni_filter="", muni_filter_out="")
        rows = db.execute(sql, {"year": year}).fetchall()
    db.close()
    return time.perf_counter() - started, len(rows)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("workbook")
    p.add_argument("--year", type=int, default=2022)
    p.add_argument("--municipality", default=None)
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    if not os.path.exists(BINARY):
        sys.exit("build first: cargo build --release")
    duck = duck_file(a.workbook)
    times = {"styrsnurra": [], "pandas": [], "duckdb": []}
    counts = {}
    for _ in range(a.rounds):
        for name, run in (
            ("styrsnurra", lambda: ours(a.workbook, a.year, a.municipality)),
            ("pandas", lambda: with_pandas(a.workbook, a.year, a.municipality)),
            ("duckdb", lambda: with_duckdb(duck, a.year, a.municipality)),
        ):
            seconds, n = run()
            times[name].append(seconds)
            counts[name] = n
    what = f"municipality {a.municipality}" if a.municipality else "whole country"
    print(f"signals, {what}, {a.year}: median of {a.rounds} alternating rounds")
    base = statistics.median(times["styrsnurra"])
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"  {name:11} {m * 1000:8.0f} ms  ({m / base:4.1f}× styrsnurra)  {counts[name]} rows")


if __name__ == "__main__":
    main()
