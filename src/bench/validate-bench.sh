#!/usr/bin/env bash
# Whole-process figures for `stigsmith validate` beside `oscap ds sds-validate` on the same files, run
# alternately so both see the same machine load. Prints median and best wall-clock time and peak RSS.
#   src/bench/validate-bench.sh [runs]         (default 5; builds the jar if missing)
#   STIGSMITH='java -jar target/stigsmith-0.1.0-cli.jar' src/bench/validate-bench.sh   to time another launch
# Files: the bundled Edge data stream, and a synthetic data stream of thousands of rules (≥ 20 MB) made
# by copying every Edge rule under new ids and generating (SYNTHETIC_COPIES=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jar=target/stigsmith-0.1.0-cli.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stigsmith=${STIGSMITH:-./stigsmith}

# One run: "<ms> <peak KiB>" of a command, output discarded (GNU time reports the peak RSS).
measure() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(tail -n 1 "$tmp/rss")"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

# compare NAME FILE: each command once per round, rounds alternating, then one line per command.
compare() {
  local name=$1 file=$2 i
  local -a labels=("oscap ds sds-validate" "stigsmith validate --no-schematron" "stigsmith validate")
  local -a cmds=("oscap ds sds-validate $file"
                 "$stigsmith validate --no-schematron $file"
                 "$stigsmith validate $file")
  : > "$tmp/times"
  for i in $(seq "$runs"); do
    for c in 0 1 2; do
      read -r ms kib < <(measure ${cmds[$c]})
      echo "$c $ms $kib" >> "$tmp/times"
    done
  done
  local oscap_med
  oscap_med=$(awk '$1 == 0 {print $2}' "$tmp/times" | median)
  printf '%s (%s KiB)\n' "$name" "$(( $(stat -c %s "$file") / 1024 ))"
  for c in 0 1 2; do
    local med best rss
    med=$(awk -v c=$c '$1 == c {print $2}' "$tmp/times" | median)
    best=$(awk -v c=$c '$1 == c {print $2}' "$tmp/times" | sort -n | head -1)
    rss=$(awk -v c=$c '$1 == c {print $3}' "$tmp/times" | sort -n | tail -1)
    printf '  %-38s median %6d ms  best %6d ms  peak RSS %7d KiB  %5.1fx oscap\n' \
      "${labels[$c]}" "$med" "$best" "$rss" "$(awk -v a="$med" -v b="$oscap_med" 'BEGIN {print a / b}')"
  done
}

echo "validate bench: $runs alternating runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
java -jar "$jar" generate --out "$tmp/edge" >/dev/null
edge=$(ls "$tmp"/edge/*Edge_Transport*/*-ds.xml)
compare "Edge data stream" "$edge"

[ "${SYNTHETIC_COPIES:-48}" = 0 ] && exit 0
# Synthetic: every Edge rule copied under new STIG, Vuln and Rule ids until the data stream passes 20 MB.
big=$(src/bench/synthetic-ds.sh "$tmp/synthetic" "${SYNTHETIC_COPIES:-48}")
echo "synthetic: $(grep -c '<xccdf:Rule ' "$big") rules"
compare "Synthetic data stream" "$big"
