#!/usr/bin/env bash
# Benchmark: anlass against Hugo on the same number of pages, in the same
# run, at two scales: the repo's own content ("real") and a synthetic
# catalogue of 10,000 occasions with 10,000 articles (bench/gen). Whole
# process wall time and peak RSS (GNU time), warm page cache.
#
#   bench/run.sh                  # real and 10000
#   bench/run.sh real 1000        # any scales: real, or a number of occasions
#   RUNS=5 bench/run.sh 10000
#
# For each scale, anlass builds first and reports how many pages it wrote;
# bench/gen then makes a Hugo site of exactly that many Markdown pages from
# the repo's texts. Each round builds, alternately: anlass into an empty
# folder ("cold"), Hugo into an empty folder, anlass over its previous
# output ("rebuild"), Hugo over its previous output. One round warms up,
# then RUNS rounds (default 3) are timed; medians are reported, and the
# ratios anlass/Hugo.
#
# Hugo v0.152.2 is installed with `go install` into $OUT/bin (a Go build;
# the first run takes a few minutes). Needs go and GNU time (/usr/bin/time;
# as root with apt-get it installs Debian's time package). Writes below
# $OUT (default bench/out, ignored by git), the results to $OUT/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/bench/out}
RUNS=${RUNS:-3}
NOW=${NOW:-2026-11-22}
HUGO_VERSION=v0.152.2
SCALES=("$@")
[ ${#SCALES[@]} -gt 0 ] || SCALES=(real 10000)

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
  else
    echo "bench/run.sh needs GNU time: apt-get install time" >&2
    exit 1
  fi
fi

mkdir -p "$OUT/bin"
HUGO=$OUT/bin/hugo
if ! "$HUGO" version 2>/dev/null | grep -q "^hugo ${HUGO_VERSION}[ +-]"; then
  echo "installing Hugo ${HUGO_VERSION} into $OUT/bin (go install)" >&2
  GOBIN=$OUT/bin go install "github.com/gohugoio/hugo@${HUGO_VERSION}"
fi
BIN=$OUT/bin/anlass
go build -trimpath -o "$BIN" ./cmd/anlass

# timed NAME PREPARE CMD...: runs PREPARE (untimed), then CMD under GNU
# time; appends "NAME seconds KB" to $samples.
timed() {
  local name=$1 prepare=$2
  shift 2
  eval "$prepare"
  if ! /usr/bin/time -o "$OUT/time.txt" -f '%e %M' "$@" >"$OUT/cmd.log" 2>&1; then
    echo "$name failed:" >&2
    cat "$OUT/cmd.log" >&2
    exit 1
  fi
  echo "$name $(tail -1 "$OUT/time.txt")" >>"$samples"
}

# median NAME FIELD: the median of a field (2: seconds, 3: KB) of NAME's samples.
median() {
  awk -v n="$1" -v f="$2" '$1 == n {print $f}' "$samples" | sort -n |
    awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
}

# all NAME FIELD: every sample, in order, for the notes.
all() { awk -v n="$1" -v f="$2" '$1 == n {printf "%s%s", sep, $f; sep = ", "}' "$samples"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

results=$OUT/results.md
{
  echo "# Benchmark results"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- output file system: $(df -T "$OUT" | awk 'NR==2 {print $2}') ($OUT), mounted $(findmnt -no OPTIONS -T "$OUT" 2>/dev/null || echo '?')"
  echo "- $(go version), $("$HUGO" version | cut -d' ' -f1-2), anlass $("$BIN" version | cut -d' ' -f2) at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- median of $RUNS rounds after one warm-up round; in each round anlass and Hugo alternate"
  echo
  echo "| scale | pages | build | anlass wall (s) | Hugo wall (s) | wall ratio | anlass peak RSS (MB) | Hugo peak RSS (MB) | memory ratio |"
  echo "|---|---|---|---|---|---|---|---|---|"
} >"$results"
notes=()

for scale in "${SCALES[@]}"; do
  dir=$OUT/$scale
  mkdir -p "$dir"
  if [ "$scale" = real ]; then
    src=$ROOT
    dest=$dir/anlass-public
    what="the repo's content"
  else
    go run ./bench/gen -n "$scale" -hugo 0 -out "$dir" >&2
    src=$dir/anlass
    dest=$dir/anlass/public
    what="$scale occasions + $scale articles"
  fi
  abuild=("$BIN" build --quiet --now "$NOW" --source "$src" --destination "$dest")
  rm -rf "$dest"
  pages=$("$BIN" build --now "$NOW" --source "$src" --destination "$dest" | awk '$1 == "Pages" {print $2}')
  files=$(find "$dest" -type f | wc -l)
  go run ./bench/gen -n 0 -hugo "$pages" -out "$dir" >&2
  hbuild=("$HUGO" build --quiet --source "$dir/hugo" --destination "$dir/hugo/public")
  echo "== $what: anlass writes $pages pages ($files files); Hugo gets $pages Markdown pages" >&2

  samples=$dir/samples.txt
  : >"$samples"
  for round in $(seq 0 "$RUNS"); do
    # Each build starts on a quiet disk: the removal before a cold build
    # and the previous build's writes are flushed (sync) first.
    timed anlass-cold "rm -rf '$dest'; sync" "${abuild[@]}"
    timed hugo-cold "rm -rf '$dir/hugo/public'; sync" "${hbuild[@]}"
    timed anlass-rebuild sync "${abuild[@]}"
    timed hugo-rebuild sync "${hbuild[@]}"
    if [ "$round" = 0 ]; then : >"$samples"; fi # the warm-up round
    echo "  round $round done" >&2
  done
  hfiles=$(find "$dir/hugo/public" -type f | wc -l)
  for kind in cold rebuild; do
    at=$(median "anlass-$kind" 2) ht=$(median "hugo-$kind" 2)
    am=$(median "anlass-$kind" 3) hm=$(median "hugo-$kind" 3)
    echo "| $what | $pages | $kind | $at | $ht | $(ratio "$at" "$ht") | $(mb "$am") | $(mb "$hm") | $(ratio "$am" "$hm") |" >>"$results"
    notes+=("$what, $kind: anlass $(all "anlass-$kind" 2) s, $(all "anlass-$kind" 3) KB; Hugo $(all "hugo-$kind" 2) s, $(all "hugo-$kind" 3) KB")
  done
  notes+=("$what: anlass writes $files files, Hugo $hfiles")
done

{
  echo
  echo "Every timed run (wall time; peak RSS):"
  echo
  printf -- '- %s\n' "${notes[@]}"
} >>"$results"
echo >&2
cat "$results"
