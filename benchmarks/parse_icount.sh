#!/bin/sh
# Instructions per warm parse of a plan of about 20 KB (benchmarks/parse_rounds.py's 20 generated plans), counted by
# valgrind: deterministic (the hash seed fixed: a random one moves the count by ~0.5%), unaffected by the machine's
# load (two rounds less one, over 20 plans). Usage from the project's root: benchmarks/parse_icount.sh [.venv/bin/python]
PY=${1:-.venv/bin/python}
count() { PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$PY" benchmarks/parse_rounds.py "$1" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,; }
a=$(count 1); b=$(count 2)
echo "instructions per plan (warm): $(awk "BEGIN { printf \"%.1f\", ($b - $a) / 20 / 1000000 }")M"
