#!/usr/bin/env bash
# The scaling series of BENCHMARKS.md (issue 19): `horizon bench` with 1, 2 and 4 Kafka Streams threads
# and as many partitions, then two instances sharing the work, one run after the other on one machine.
#   scripts/bench-scaling.sh [REPORTS] [RATE]   (default 100000 reports, as fast as possible)
# Each run's whole output is kept in data/bench-scaling-<time>/; the figures are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:-100000}
rate=${2:-0}
out=data/bench-scaling-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
run() {   # name, then the options of `horizon bench`
  local name=$1; shift
  echo "== $name: horizon bench $reports $rate $* (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  ./horizon bench "$reports" "$rate" "$@" > "$out/$name.txt" 2>&1
}
run threads-1 --threads 1 --partitions 1
run threads-2 --threads 2 --partitions 2
run threads-4 --threads 4 --partitions 4
run instances-2x1 --instances 2 --threads 1 --partitions 2
run instances-2x2 --instances 2 --threads 2 --partitions 4
for f in "$out"/*.txt; do
  echo "== $(basename "$f" .txt)"
  grep -E '^load run|pipeline, raw topic|raw Kafka|CPU, measured|read to searchable p99|faceted search' "$f"
done
