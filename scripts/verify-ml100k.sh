#!/usr/bin/env bash
# Runs every MovieLens job on the real ml-100k through bin/hadoop and compares each output with an
# independent Python computation. Usage: scripts/verify-ml100k.sh [ml-100k dir] [output dir]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="${1:-../shared/datasets/ml-100k}"
out="${2:-/tmp/ml100k}"
jar=mapreduce-jobs/target/movielens-jobs.jar
for job in ratings-breakdown ratings-per-user movie-stats lowest-rated bad-movies most-popular oldest-five-star; do
  movies=(--movies "$data/u.item")
  case "$job" in ratings-*) movies=() ;; esac
  bin/hadoop jar "$jar" "$job" "${movies[@]}" --overwrite "$data/u.data" "$out/$job"
done
python3 scripts/verify-ml100k.py "$data" "$out"
