#!/usr/bin/env bash
# The floors that the fleet and validate speed goals (issues 10 and 11) run into on this machine,
# measured rather than argued. Prints figures only; nothing here is a pass/fail test.
#
# Usage: src/bench/limits.sh [HOSTS] [RUNS]   (defaults 1000 9; SYNTHETIC_COPIES=0 skips the 25 MB data stream)
#
# Fleet, `evaluate --hosts --format xccdf,ckl` on HOSTS synthetic hosts:
#   - bytes written per host, and the system (kernel) CPU the run spends, most of it writing;
#   - the JIT compilers' CPU in that run (-XX:+CITime), and the run's user and system CPU;
#   - the same hosts with `--format json` (evaluation with next to nothing written): CPU per host;
#   - the budget: at 500 hosts/s, cores / 500 seconds of CPU per host, everything included.
# Validate, the Edge data stream (and a ~25 MB synthetic one):
#   - the JVM alone (`java -version`), the JVM and the command line (`./stigsmith --version`);
#   - the least one validation costs in a fresh JVM: to main, the schema compile and one validating
#     parse, on one thread, nothing else (dev.stigsmith.xml.SchemaFloor), whole process; then the tree
#     and the identity constraints checked over it (the rest of what XSD validation means), and the
#     best two cores could do with both halves overlapping perfectly;
#   - `oscap ds sds-validate` on the same file, alternating. Medians of RUNS.
# Needs: Java 17, Maven, GNU time (/usr/bin/time), oscap, bc. About 3 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
hosts=${1:-1000}
runs=${2:-9}
jar=target/stigsmith-0.1.0-cli.jar
[ -f "$jar" ] && [ -f target/test-classes/dev/stigsmith/xml/SchemaFloor.class ] || mvn -B -q -DskipTests package test-compile
cp="$jar:target/test-classes"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stigsmith-limits.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
cores=$(nproc)
echo "limits on $cores cores (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(java -version 2>&1 | head -1), $(oscap --version | head -1)"
./stigsmith --version >/dev/null 2>&1   # records the start-up archive on a new build, untimed

echo "== fleet: $hosts synthetic hosts, XCCDF results + CKL, ${cores} jobs"
java -cp "$cp" dev.stigsmith.evaluate.SyntheticFleet "$hosts" 0 "$tmp/fleet" 7 >/dev/null
t0=$(ms)
/usr/bin/time -f "%U %S" -o "$tmp/cpu" env STIGSMITH_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime" \
  ./stigsmith evaluate --hosts "$tmp/fleet/hosts" --out "$tmp/out" --format xccdf,ckl --quiet \
  --timestamp 2024-02-01T00:00:00Z >"$tmp/citime" 2>&1 || true
t1=$(ms)
read -r user sys < <(tail -1 "$tmp/cpu")
jit=$(sed -n 's/^ *Total compilation time *: *\([0-9.]*\) s.*/\1/p' "$tmp/citime")
bytes=$(du -sb "$tmp/out" | cut -f1)
rm -rf "$tmp/out"
mib_host=$(echo "$bytes / $hosts / 1048576" | bc -l)
/usr/bin/time -f "%U %S" -o "$tmp/cpu-json" ./stigsmith evaluate --hosts "$tmp/fleet/hosts" --out "$tmp/out" \
  --format json --quiet --timestamp 2024-02-01T00:00:00Z >/dev/null 2>&1 || true
read -r juser jsys < <(tail -1 "$tmp/cpu-json")
per() { echo "$1 * 1000 / $hosts" | bc -l; }
printf 'whole run: %d ms = %.1f hosts/s; CPU user %.1f s + system %.1f s = %.2f ms a host\n' \
  $((t1 - t0)) "$(echo "$hosts * 1000 / ($t1 - $t0)" | bc -l)" "$user" "$sys" "$(per "$user + $sys")"
printf '  of which the JIT compilers: %.1f s (%.2f ms a host)\n' "$jit" "$(per "$jit")"
printf 'written: %.2f MiB a host; system CPU %.2f ms a host (%.2f with next to nothing written, below)\n' \
  "$mib_host" "$(per "$sys")" "$(per "$jsys")"
printf 'evaluation with next to nothing written (--format json): %.2f ms of CPU a host, JIT and start-up included\n' \
  "$(per "$juser + $jsys")"
printf 'budget at 500 hosts/s on %d cores: %.2f ms of CPU a host, everything included\n' "$cores" "$(echo "$cores * 1000 / 500" | bc -l)"

# part NAME LINE: one figure of SchemaFloor's line.
part() { echo "$2" | sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }
floor() {
  local name=$1 file=$2 i a b c parts wall xsd half
  : >"$tmp/f"; : >"$tmp/s"; : >"$tmp/o"; : >"$tmp/v"
  for i in $(seq "$runs"); do
    a=$(ms); java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData -Xms24m \
      -XX:SharedArchiveFile=target/stigsmith-0.1.0-cli.jsa -Xshare:auto -cp "$cp" dev.stigsmith.xml.SchemaFloor "$file" \
      >"$tmp/parts" 2>&1 || true
    b=$(ms); oscap ds sds-validate "$file" >/dev/null 2>&1 || true
    c=$(ms); ./stigsmith validate --no-schematron "$file" >/dev/null 2>&1 || true
    echo $(( $(ms) - c )) >>"$tmp/v"; echo $((c - b)) >>"$tmp/o"
    # Whole process less the identity half: the XSD floor. Less the shorter half: both halves side by side.
    parts=$(tail -1 "$tmp/parts"); wall=$((b - a))
    xsd=$(( $(part schema "$parts") + $(part parse "$parts") )); half=$(( $(part tree "$parts") + $(part identity "$parts") ))
    echo $((wall - half)) >>"$tmp/f"; echo $((wall - (xsd < half ? xsd : half))) >>"$tmp/s"
  done
  local f s o v
  f=$(median <"$tmp/f"); s=$(median <"$tmp/s"); o=$(median <"$tmp/o"); v=$(median <"$tmp/v")
  echo "== validate: $name ($(( $(stat -c %s "$file") / 1024 )) KiB), whole process, medians of $runs alternating runs"
  printf '  oscap ds sds-validate (XSD with identity constraints)            %6d ms\n' "$o"
  printf '  stigsmith validate --no-schematron                               %6d ms  %.2fx oscap\n' "$v" "$(echo "$v / $o" | bc -l)"
  printf '  floor, XSD alone: JVM, schema compile, one validating parse      %6d ms  %.2fx oscap\n' "$f" "$(echo "$f / $o" | bc -l)"
  printf '  floor, XSD with identity constraints, the halves side by side    %6d ms  %.2fx oscap\n' "$s" "$(echo "$s / $o" | bc -l)"
  printf '  (last run, ms in the JVM: %s)\n' "$parts"
}
for i in $(seq "$runs"); do a=$(ms); java -XX:+UseSerialGC -XX:-UsePerfData -version >/dev/null 2>&1; echo $(( $(ms) - a )); done | median >"$tmp/jvm"
for i in $(seq "$runs"); do a=$(ms); ./stigsmith --version >/dev/null 2>&1; echo $(( $(ms) - a )); done | median >"$tmp/cli"
echo "== start-up: the JVM alone $(cat "$tmp/jvm") ms, the JVM and the command line (./stigsmith --version) $(cat "$tmp/cli") ms"
java -jar "$jar" generate --out "$tmp/edge" >/dev/null
floor "Edge data stream" "$(ls "$tmp"/edge/*Edge_Transport*/*-ds.xml)"
[ "${SYNTHETIC_COPIES:-48}" = 0 ] && exit 0
floor "synthetic data stream" "$(src/bench/synthetic-ds.sh "$tmp/synthetic" "${SYNTHETIC_COPIES:-48}")"
