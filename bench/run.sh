#!/usr/bin/env bash
# Benchmark: anlass against Hugo on the same amount of work, and anlass on
# the repo's own content (on the disk of $OUT and on tmpfs). Whole-process wall time and peak RSS, warm cache:
# every build runs once to warm up, then RUNS times; the median is reported.
#
#   bench/run.sh                # sizes 1000 and 10000
#   bench/run.sh 1000           # one size
#   RUNS=5 OUT=/dev/shm/bench bench/run.sh
#
# Needs go, hugo, GNU time (/usr/bin/time) and, for the real content,
# hyperfine; as root with apt-get it installs the missing ones (Debian's
# hugo, time and hyperfine packages). Writes everything below $OUT
# (default bench/out, ignored by git) and the results to $OUT/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/bench/out}
RUNS=${RUNS:-3}
NOW=${NOW:-2026-11-22}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

missing=()
command -v hugo >/dev/null || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "bench/run.sh needs: ${missing[*]} (apt-get install ${missing[*]})" >&2
    command -v hugo >/dev/null && [ -x /usr/bin/time ] || exit 1
  fi
fi

mkdir -p "$OUT"
BIN=$OUT/anlass
go build -trimpath -o "$BIN" ./cmd/anlass

# measure NAME CMD...: one warm-up run, then RUNS runs under GNU time;
# prints "NAME <median seconds> <median peak RSS in MB>".
measure() {
  local name=$1
  shift
  "$@" >/dev/null 2>&1 || { echo "$name: the command failed:" >&2; "$@" >&2; exit 1; }
  local times=() rss=() line
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$OUT/time.txt" -f '%e %M' "$@" >/dev/null 2>&1
    line=$(tail -1 "$OUT/time.txt")
    times+=("${line% *}")
    rss+=("${line#* }")
  done
  local mt mr
  mt=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mr=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  echo "$name $mt $mr"
  echo "  $name: wall ${times[*]} s, peak RSS ${rss[*]} KB" >&2
}

results=$OUT/results.md
{
  echo "# Benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- output file system: $(df -T "$OUT" | awk 'NR==2 {print $2}') ($OUT)"
  echo "- $(go version), $(hugo version | cut -d' ' -f1-2), anlass $($BIN version | cut -d' ' -f2)"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- median of $RUNS runs after one warm-up run"
  echo
  echo "| input | tool | pages (Markdown) | files written | wall time (s) | peak RSS (MB) |"
  echo "|---|---|---|---|---|---|"
} >"$results"

for n in "${SIZES[@]}"; do
  dir=$OUT/$n
  echo "== $n occasions" >&2
  go run ./bench/gen -n "$n" -out "$dir" >&2
  read -r _ at ar < <(measure "anlass-$n" "$BIN" build --quiet --now "$NOW" --source "$dir/anlass")
  read -r _ ht hr < <(measure "hugo-$n" hugo --quiet --source "$dir/hugo")
  af=$(find "$dir/anlass/public" -type f | wc -l)
  hf=$(find "$dir/hugo/public" -type f | wc -l)
  echo "| $n occasions + $n articles | anlass | $n articles (+ $n YAML) | $af | $at | $ar |" >>"$results"
  echo "| $((2 * n)) Markdown pages | hugo | $((2 * n)) | $hf | $ht | $hr |" >>"$results"
done

# The repo's content, into $OUT and, where there is one, into tmpfs (/dev/shm):
# the second shows the build without the disk.
reals=("$OUT/real/public")
[ -d /dev/shm ] && reals+=("/dev/shm/anlass-bench-real/public")
hf=()
for real in "${reals[@]}"; do
  fs=$(df -T "$(dirname "$(dirname "$real")")" 2>/dev/null | awk 'NR==2 {print $2}')
  mkdir -p "$(dirname "$real")"
  echo "== the repo's content, output on $fs ($real)" >&2
  read -r _ rt rr < <(measure "real-$fs" "$BIN" build --quiet --now "$NOW" --destination "$real")
  rf=$(find "$real" -type f | wc -l)
  echo "| the repo's content, output on $fs | anlass | $(find content -name '*.md' | wc -l) articles | $rf | $rt | $rr |" >>"$results"
  if command -v hyperfine >/dev/null; then
    json=$OUT/real-$fs.json
    hyperfine -N --warmup 3 --runs 20 --export-json "$json" --command-name "anlass build (repo content, $fs)" \
      "$BIN build --quiet --now $NOW --destination $real" >&2
    hmed=$(awk -F: '/"median"/ {gsub(/[ ,]/, "", $2); printf "%.0f", $2*1000; exit}' "$json")
    hmean=$(awk -F: '/"mean"/ {gsub(/[ ,]/, "", $2); printf "%.0f", $2*1000; exit}' "$json")
    hf+=("hyperfine, the repo's content, output on $fs (20 consecutive builds after 3 warm-ups): median ${hmed} ms, mean ${hmean} ms")
  fi
done
[ -d /dev/shm/anlass-bench-real ] && rm -rf /dev/shm/anlass-bench-real
if [ ${#hf[@]} -gt 0 ]; then
  echo >>"$results"
  printf '%s\n\n' "${hf[@]}" >>"$results"
fi
echo >&2
cat "$results"
