#!/usr/bin/env bash
# Fleet and cold-start figures against OpenSCAP on the same work, and a check that both give the
# same OVAL definition results on every host.
#
# Usage: src/bench/fleet-bench.sh [HOSTS] [CORRUPT] [JOBS] [COLD_RUNS]   (defaults 1000 20 2 11)
#
#  1. generates a synthetic Edge estate (HOSTS collector files, 5-40 connectors each, random settings,
#     CORRUPT of them truncated) with dev.stigsmith.evaluate.SyntheticFleet;
#  2. times `stigsmith evaluate --hosts DIR --format xccdf,ckl --jobs JOBS` (whole process);
#  3. writes what oscap needs (definitions, site values, each host's system characteristics; untimed)
#     and times `oscap oval analyse` once per host, JOBS processes in parallel;
#  4. compares every definition result of every host;
#  5. cold start: one host, whole process, `stigsmith evaluate --format xccdf` vs `oscap oval analyse`
#     on the same definitions, system characteristics and site values, alternating, median of COLD_RUNS.
# Needs: Java 17, Maven, GNU time (/usr/bin/time), oscap, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
hosts=${1:-1000}
corrupt=${2:-20}
jobs=${3:-2}
cold=${4:-11}
jar=target/stigsmith-0.1.0-cli.jar
[ -f "$jar" ] && [ -d target/test-classes/dev/stigsmith/evaluate ] || mvn -B -q -DskipTests package test-compile
cp="$jar:target/test-classes"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }

echo "fleet bench on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(java -version 2>&1 | head -1), $(oscap --version | head -1)"
java -cp "$cp" dev.stigsmith.evaluate.SyntheticFleet "$hosts" "$corrupt" "$tmp/fleet" 7 >/dev/null
good=$((hosts - corrupt))

t0=$(ms)
/usr/bin/time -f "%M" -o "$tmp/rss" ./stigsmith evaluate --hosts "$tmp/fleet/hosts" --out "$tmp/out" --format xccdf,ckl \
  --jobs "$jobs" --quiet --timestamp 2024-02-01T00:00:00Z >/dev/null 2>"$tmp/err" || true
t1=$(ms)
st_ms=$((t1 - t0)); st_rss=$(tail -1 "$tmp/rss")
printf 'stigsmith evaluate --hosts: %d host files (%d readable) in %d ms = %.1f hosts/s, peak RSS %d MiB\n' \
  "$hosts" "$good" "$st_ms" "$(echo "$hosts * 1000 / $st_ms" | bc -l)" $((st_rss / 1024))

java -cp "$cp" dev.stigsmith.evaluate.OscapInputs "$tmp/fleet/hosts" "$tmp/oscap" >/dev/null
mkdir -p "$tmp/oscap/res"
t0=$(ms)
ls "$tmp/oscap/sc" | xargs -P "$jobs" -I{} sh -c \
  'oscap oval analyse --results "$0/res/{}" --variables "$0/variables.xml" "$0/defs.xml" "$0/sc/{}" >/dev/null 2>&1 || echo "oscap failed on {}"' "$tmp/oscap"
t1=$(ms)
os_ms=$((t1 - t0))
printf 'oscap oval analyse x %d (%d in parallel): %d ms = %.1f hosts/s\n' "$good" "$jobs" "$os_ms" "$(echo "$good * 1000 / $os_ms" | bc -l)"
printf 'per readable host: stigsmith %.2f ms, oscap %.2f ms: stigsmith %.1fx faster\n' \
  "$(echo "$st_ms / $good" | bc -l)" "$(echo "$os_ms / $good" | bc -l)" "$(echo "$os_ms / $st_ms" | bc -l)"

python3 - "$tmp/out" "$tmp/oscap/res" <<'PY'
import os, re, sys
ours_dir, theirs_dir = sys.argv[1], sys.argv[2]
pat = re.compile(r'<definition [^>]*definition_id="([^"]+)"[^>]*result="([a-z ]+)"')
def results(path):
    with open(path, encoding='utf-8') as f:
        return dict(pat.findall(f.read()))
hosts = same = 0
for name in sorted(os.listdir(theirs_dir)):
    host = name[:-4]
    ours = results(os.path.join(ours_dir, host, 'oval-results.xml'))
    theirs = results(os.path.join(theirs_dir, name))
    hosts += 1
    if ours == theirs:
        same += 1
    else:
        diff = {k: (ours.get(k), theirs.get(k)) for k in set(ours) | set(theirs) if ours.get(k) != theirs.get(k)}
        print(f'  {host}: differs on {len(diff)} definitions, e.g. {sorted(diff.items())[:2]}')
print(f'definition results: same on {same} of {hosts} hosts')
PY

# Cold start: one host, whole process, the same work for both tools.
# (a glob, not `ls | head`: head closing the pipe early fails the script under pipefail)
for f in "$tmp"/oscap/sc/*.xml; do one=$(basename "$f" .xml); break; done
st_times=(); os_times=()
for _ in $(seq "$cold"); do
  t0=$(ms); ./stigsmith evaluate --host-data "$tmp/fleet/hosts/$one.json" --out "$tmp/cold" --format xccdf >/dev/null 2>&1 || true; t1=$(ms)
  oscap oval analyse --results "$tmp/cold-r.xml" --variables "$tmp/oscap/variables.xml" "$tmp/oscap/defs.xml" "$tmp/oscap/sc/$one.xml" >/dev/null 2>&1 || true; t2=$(ms)
  st_times+=($((t1 - t0))); os_times+=($((t2 - t1)))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sm=$(median "${st_times[@]}"); om=$(median "${os_times[@]}")
printf 'cold single host (median of %d, alternating): stigsmith evaluate --format xccdf %d ms, oscap oval analyse %d ms: %.1fx\n' \
  "$cold" "$sm" "$om" "$(echo "$sm / $om" | bc -l)"
