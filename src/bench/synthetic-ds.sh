#!/usr/bin/env bash
# A synthetic SCAP 1.3 data stream of thousands of rules: every Edge rule copied COPIES times under
# new STIG, Vuln and Rule ids, then generated. Prints the data stream's path.
#   src/bench/synthetic-ds.sh WORK_DIR [COPIES]   (default 48: about 25 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$1
copies=${2:-48}
jar=target/stigsmith-0.1.0-cli.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
rm -rf "$work/content" "$work/big"
mkdir -p "$work"
cp -r content "$work/content"
rules="$work/content/exchange-2016-edge/rules"
n=0
for k in $(seq 1 "$copies"); do
  for r in content/exchange-2016-edge/rules/*/; do
    id=$(basename "$r"); n=$((n + 1))
    vuln=$(sed -n 's/^vuln_id: V-\([0-9]*\)$/\1/p' "$r/rule.yaml")
    new_vuln=$((9000000 + n)); new_id=$(printf 'EX16-ED-9%05d' "$n")
    mkdir -p "$rules/$new_id"
    for f in "$r"*; do
      [ -f "$f" ] && sed -e "s/$id/$new_id/g" -e "s/$vuln/$new_vuln/g" "$f" > "$rules/$new_id/$(basename "$f")"
    done
  done
done
java -jar "$jar" generate --content "$work/content" --out "$work/big" >/dev/null
ls "$work"/big/*Edge_Transport*/*-ds.xml
