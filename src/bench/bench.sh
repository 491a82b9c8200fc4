#!/usr/bin/env bash
# Times the two main jobs on the bundled content and samples and prints the figures.
# Usage: src/bench/bench.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
jar=target/stigsmith-0.1.0-cli.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Wall-clock milliseconds and peak resident memory (KiB) of one command, via GNU time when present.
measure() {
  local start end rss=""
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$tmp/rss" "$@" >/dev/null 2>&1 || true
    rss=$(tail -n 1 "$tmp/rss")
  else
    "$@" >/dev/null 2>&1 || true
  fi
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) ${rss:-?}"
}

report() {
  local name=$1; shift
  local total=0 best=999999999 worst=0 rss=0 ms kib
  for _ in $(seq "$runs"); do
    read -r ms kib < <(measure "$@")
    total=$((total + ms)); (( ms < best )) && best=$ms; (( ms > worst )) && worst=$ms
    [ "$kib" != "?" ] && (( kib > rss )) && rss=$kib
  done
  printf '%-34s runs %d  mean %5d ms  best %5d ms  worst %5d ms  peak RSS %s KiB\n' \
    "$name" "$runs" $((total / runs)) "$best" "$worst" "${rss:-?}"
}

java -jar "$jar" generate --out "$tmp/gen" >/dev/null
ds="$tmp/gen/MS_Exchange_2016_Edge_Transport_Server_STIG/MS_Exchange_2016_Edge_Transport_Server_STIG-ds.xml"
echo "stigsmith bench on $(nproc) cores, $(java -version 2>&1 | head -1)"
report "generate (68 rules, 18 OVAL)" java -jar "$jar" generate --out "$tmp/gen2"
report "evaluate DS, all formats" java -jar "$jar" evaluate --content "$ds" --host-data content/samples/edge-noncompliant.json --out "$tmp/ev"
report "evaluate DS, xccdf only" java -jar "$jar" evaluate --content "$ds" --host-data content/samples/edge-noncompliant.json --out "$tmp/ev" --format xccdf
report "validate data stream (XSD+Schematron)" java -jar "$jar" validate "$ds"
