#!/usr/bin/env bash
# Memory flatness of fleet mode: one synthetic Edge estate per size, `stigsmith evaluate --hosts`
# (XCCDF results + CKL) whole process, printing hosts/s and peak RSS per size and the RSS spread.
# No oscap here: fleet-bench.sh does the side-by-side comparison; this one only asks whether memory
# grows with the number of hosts.
#
# Usage: src/bench/fleet-scale.sh [JOBS] SIZE...   (default: 2 1000 10000)
# Needs: Java 17, Maven, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${1:-2}; shift || true
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
jar=target/stigsmith-0.1.0-cli.jar
[ -f "$jar" ] && [ -d target/test-classes/dev/stigsmith/evaluate ] || mvn -B -q -DskipTests package test-compile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }
echo "fleet scale on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(java -version 2>&1 | head -1)"
min=0; max=0
for n in "${sizes[@]}"; do
  corrupt=$(( n / 50 ))
  java -cp "$jar:target/test-classes" dev.stigsmith.evaluate.SyntheticFleet "$n" "$corrupt" "$tmp/f$n" 7 >/dev/null
  t0=$(ms)
  /usr/bin/time -f "%M" -o "$tmp/rss" ./stigsmith evaluate --hosts "$tmp/f$n/hosts" --out "$tmp/o$n" \
    --format xccdf,ckl --jobs "$jobs" --quiet --timestamp 2024-02-01T00:00:00Z >/dev/null 2>"$tmp/err" || true
  t1=$(ms)
  rss=$(( $(tail -1 "$tmp/rss") / 1024 ))
  done_hosts=$(find "$tmp/o$n" -name xccdf-results.xml | wc -l)
  printf '%6d host files (%d truncated): %d outputs, %d ms = %.1f hosts/s, peak RSS %d MiB\n' \
    "$n" "$corrupt" "$done_hosts" $((t1 - t0)) "$(echo "$n * 1000 / ($t1 - $t0)" | bc -l)" "$rss"
  [ "$min" -eq 0 ] || [ "$rss" -lt "$min" ] && min=$rss
  [ "$rss" -gt "$max" ] && max=$rss
  rm -rf "$tmp/f$n" "$tmp/o$n"
done
printf 'peak RSS spread across sizes: %d..%d MiB (%.1f %% above the smallest)\n' "$min" "$max" "$(echo "($max - $min) * 100 / $min" | bc -l)"
