#!/bin/sh
# Instructions of one read of benchmarks/pdf_pages.py's PDF set, counted by valgrind: deterministic (the hash seed
# fixed), unaffected by the machine's load (the set read once, less the same run reading it not at all). Usage from
# the project's root: benchmarks/pdf_icount.sh [.venv/bin/python]
PY=${1:-.venv/bin/python}
count() { PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$PY" benchmarks/pdf_pages.py --rounds "$1" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,; }
a=$(count 0); b=$(count 1)
echo "instructions per read of the PDF set: $(( (b - a) / 1000000 ))M"
