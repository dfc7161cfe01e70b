#!/usr/bin/env bash
# Search benchmark (issue 4): publishes a Release build and tools/DoJ.Portal.DatasetGenerator, generates
# ARTICLES articles (default 100,000) into a temporary data folder, builds their search index with the
# portal's `reindex`, starts the portal in Production mode on 127.0.0.1 only, waits for the search index,
# then times typical Vietnamese queries with curl and prints median and p95 in ms.
# Requests are interleaved (each round asks every query once), so a burst of load on a shared machine
# spreads over all queries instead of spoiling one; the search page with no query is timed alongside
# as a baseline (layout, sidebar and rendering without any search).
#
#   scripts/bench-search.sh                      # 100,000 articles, 2 warm-up + 20 measured runs a query
#   ARTICLES=20000 RUNS=10 scripts/bench-search.sh
#
# Environment: ARTICLES, RUNS, WARMUP, PORT (5099), MAX_SECONDS (whole run, 3600), KEEP=1 keeps the
# temporary folder (database, index, logs) for inspection. Nothing is written inside the repository
# except the usual bin/ and obj/ build folders; the server is stopped on every exit path.
set -euo pipefail

ARTICLES=${ARTICLES:-100000}
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-2}
PORT=${PORT:-5099}
MAX_SECONDS=${MAX_SECONDS:-3600}
KEEP=${KEEP:-0}
BASE="http://127.0.0.1:${PORT}"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/doj-bench-search.XXXXXX")
SERVER_PID=""

# "label|query|page": with and without diacritics, one to several words, a rare word, a common one.
QUERIES=(
    "common phrase|pháp luật|1"
    "common, no marks|luat|1"
    "gender equality|bình đẳng giới|1"
    "gender equality, no marks|binh dang gioi|1"
    "legal aid|trợ giúp pháp lý|1"
    "legal aid, no marks|tro giup phap ly|1"
    "civil status|hộ tịch|1"
    "civil status, no marks|ho tich|1"
    "notary|công chứng|1"
    "admin reform, no marks|cai cach hanh chinh|1"
    "admin procedures|thủ tục hành chính|1"
    "conference + training|hội nghị tập huấn|1"
    "legal education|phổ biến giáo dục pháp luật|1"
    "document review|kiểm tra văn bản|1"
    "emulation, rewards|thi đua khen thưởng|1"
    "grassroots mediation|hòa giải ở cơ sở|1"
    "criminal record|lý lịch tư pháp|1"
    "birth registration|đăng ký khai sinh|1"
    "rare word (floods)|lụt|1"
    "training, page 3|tập huấn|3"
)

cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ "$KEEP" == 1 ]]; then
        echo "Kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
check_deadline() { (( SECONDS < MAX_SECONDS )) || die "over MAX_SECONDS=${MAX_SECONDS}"; }

# One timed request; prints "seconds http_code".
timed_get() {
    curl -s -o /dev/null --max-time 15 -w '%{time_total} %{http_code}\n' -G \
        --data-urlencode "q=$1" --data-urlencode "trang=$2" "$BASE/tim-kiem"
}

# Median and p95 (nearest rank) of numbers on stdin, in ms with one decimal.
stats() {
    sort -g | awk '{ v[NR] = $1 * 1000 }
        END {
            if (NR == 0) { print "- -"; exit }
            median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            rank = int(0.95 * NR); if (rank < 0.95 * NR) rank++
            printf "%.1f %.1f\n", median, v[rank]
        }'
}

command -v curl >/dev/null || die "curl is required"
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
    die "something already listens on $BASE; set PORT"
fi

log "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); .NET SDK $(dotnet --version)"
log "Publishing a Release build to $WORK/publish and the dataset generator to $WORK/generator"
timeout 900 dotnet publish "$ROOT/src/DoJ.Portal.Web" -c Release -o "$WORK/publish" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log" >&2; die "publish failed"; }
timeout 900 dotnet publish "$ROOT/tools/DoJ.Portal.DatasetGenerator" -c Release -o "$WORK/generator" --nologo -v quiet >"$WORK/publish-generator.log" 2>&1 \
    || { cat "$WORK/publish-generator.log" >&2; die "publish of the generator failed"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Production
export Storage__DataPath="$WORK/data"
export Database__SeedDemoContent=false
export Serilog__File__Enabled=false
export Site__BaseUrl="$BASE"

log "Generating $ARTICLES articles into $WORK/data"
# In the portal's folder, so it reads the portal's appsettings.json; Storage__DataPath above is absolute.
(cd "$WORK/publish" && timeout 1800 dotnet "$WORK/generator/DoJ.Portal.DatasetGenerator.dll" --articles "$ARTICLES") | tee "$WORK/generate.log" >&2
# The generator leaves the search index to the portal: build it here, timed ("Search index rebuilt" below).
log "Building the search index"
(cd "$WORK/publish" && timeout 1800 dotnet DoJ.Portal.Web.dll reindex) | tee -a "$WORK/generate.log" >&2
check_deadline
db_bytes=$(stat -c %s "$WORK/data/portal.db")
index_bytes=$(du -sb "$WORK/data/search-index" | cut -f1)
log "On disk: database $(awk -v b="$db_bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }'), search index $(awk -v b="$index_bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }')"

log "Starting the portal on $BASE (Production)"
(cd "$WORK/publish" && ASPNETCORE_URLS="$BASE" exec dotnet DoJ.Portal.Web.dll) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
start=$SECONDS
until [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited"; }
    (( SECONDS - start < 120 )) || die "no healthy answer within 120 s"
    sleep 1
done
log "Healthy after $((SECONDS - start)) s; waiting for the search index"
until curl -s --max-time 15 -G --data-urlencode "q=luat" "$BASE/tim-kiem" | grep -q 'class="result-count"'; do
    (( SECONDS - start < 900 )) || die "the search index was not ready within 900 s"
    check_deadline
    sleep 2
done
log "Search ready after $((SECONDS - start)) s"

# Result counts as the page shows them (not timed).
counts=()
for entry in "${QUERIES[@]}"; do
    IFS='|' read -r _ query page <<<"$entry"
    html=$(curl -s --max-time 15 -G --data-urlencode "q=$query" --data-urlencode "trang=$page" "$BASE/tim-kiem")
    count=$(grep -o 'Tìm thấy [0-9.]* kết quả' <<<"$html" | head -n 1 | sed 's/Tìm thấy \([0-9.]*\) kết quả/\1/' || true)
    [[ -n "$count" ]] || count=0
    if grep -q 'Không có tin bài chứa đủ mọi từ' <<<"$html"; then count="$count (any word)"; fi
    counts+=("$count")
done

# Warm-up rounds, then measured rounds; request i of every round goes to query i. Index 0 is the baseline.
mkdir -p "$WORK/times"
log "Load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 $((WARMUP + RUNS))); do
    check_deadline
    for i in $(seq 0 "${#QUERIES[@]}"); do
        if (( i == 0 )); then query=""; page=1; else IFS='|' read -r _ query page <<<"${QUERIES[i - 1]}"; fi
        read -r seconds code < <(timed_get "$query" "$page")
        [[ "$code" == 200 ]] || die "'$query' page $page answered $code"
        if (( round > WARMUP )); then echo "$seconds" >>"$WORK/times/$i"; fi
    done
    if (( round % 5 == 0 )); then log "round $round of $((WARMUP + RUNS))"; fi
done
log "Load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"

all="$WORK/all-times.txt"
: >"$all"
rows=()
for i in $(seq 1 "${#QUERIES[@]}"); do
    IFS='|' read -r label query page <<<"${QUERIES[i - 1]}"
    cat "$WORK/times/$i" >>"$all"
    read -r median p95 < <(stats <"$WORK/times/$i")
    rows+=("| $label | \`$query\` | $page | $median | $p95 | ${counts[i - 1]} |")
done
read -r base_median base_p95 < <(stats <"$WORK/times/0")
read -r overall_median overall_p95 < <(stats <"$all")

echo
echo "Search latency, $ARTICLES articles, $RUNS measured requests a query after $WARMUP warm-up (curl time_total, ms)"
echo
echo "| query | text | page | median | p95 | results shown |"
echo "|---|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo "| baseline: search page, no query | \`\` | 1 | $base_median | $base_p95 | - |"
echo
echo "Overall, the $(wc -l <"$all") query requests (baseline excluded): median $overall_median ms, p95 $overall_p95 ms"
echo "Generation: $(grep -E '^(Inserted|Search index rebuilt)' "$WORK/generate.log" | tr '\n' ' ')"
echo "On disk: database $db_bytes bytes, search index $index_bytes bytes"
