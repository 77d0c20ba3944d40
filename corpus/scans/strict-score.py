#!/usr/bin/env python3
"""Scores an output folder with score.py, strictly for OCR: a wrong cell whose only flag is `ocr` counts as
silent (score.py counts any flag as a warning). Usage: strict-score.py OUT_DIR SCORE_PY GOLD_DIR... [--by doc]
It copies OUT_DIR to a temporary folder, removes the flag `ocr` from cells.csv there, and runs score.py."""
import csv
import shutil
import subprocess
import sys
import tempfile

out, score, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
with tempfile.TemporaryDirectory() as tmp:
    for name in ("reports.csv", "anomalies.csv"):
        shutil.copy(f"{out}/{name}", f"{tmp}/{name}")
    with open(f"{out}/cells.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys()) if rows else ["report_id", "source", "key", "value", "flags"]
    for r in rows:
        r["flags"] = ";".join(x for x in r.get("flags", "").split(";") if x and x != "ocr")
    with open(f"{tmp}/cells.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    sys.exit(subprocess.call([sys.executable, score, tmp] + rest))
