#!/usr/bin/env bash
# Cache-miss latency of the public pages (issue 10, docs/performance.md "Cache misses"): starts an already
# published portal in Production on 127.0.0.1 against an existing data folder (from
# tools/DoJ.Portal.DatasetGenerator, indexed by the portal's `reindex` or at its start), then times
# each page with curl, one request at a time, RUNS rounds after WARMUP rounds; each round asks every page
# once (interleaved, so a burst of load elsewhere spreads over all pages). Prints median and p95 in ms.
# A static file is timed in the same rounds as the floor. The article page rotates over 20 articles
# spread over the archive, so it is not one row that stays hot.
#
#   scripts/measure-misses.sh <publish folder> <data folder>
#   RUNS=20 WARMUP=3 PORT=5098 MAX_TIME=120 scripts/measure-misses.sh /path/to/publish /path/to/data
#
# Needs curl and sqlite3 (to pick the articles, category and day from the database). The server is stopped
# on every exit path; its log is left in $TMPDIR. Output caching, where present, is not defeated: measure a
# build without it, or one whose cache is off, for misses.
set -euo pipefail

PUBLISH=$(cd "${1:?usage: measure-misses.sh <publish folder> <data folder>}" && pwd)
DATA=$(cd "${2:?usage: measure-misses.sh <publish folder> <data folder>}" && pwd)
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
PORT=${PORT:-5098}
MAX_TIME=${MAX_TIME:-120}
BASE="http://127.0.0.1:${PORT}"
LOG=$(mktemp "${TMPDIR:-/tmp}/doj-measure-misses.XXXXXX.log")
TIMES=$(mktemp -d "${TMPDIR:-/tmp}/doj-measure-misses.XXXXXX")
SERVER_PID=""

cleanup() {
    local status=$?
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TIMES"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Median and p95 (nearest rank) of seconds on stdin, in ms with one decimal.
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
command -v sqlite3 >/dev/null || die "sqlite3 is required"
[[ -f "$DATA/portal.db" ]] || die "no portal.db in $DATA"
if curl -s -o /dev/null --max-time 2 "$BASE/"; then die "something already listens on $BASE; set PORT"; fi

# What to ask for, read from the database before the server opens it.
now=$(date -u '+%Y-%m-%d %H:%M:%S')
public="Status = 2 AND NOT IsDeleted AND PublishedAtUtc <= '$now'"
category=$(sqlite3 "$DATA/portal.db" "SELECT c.Slug FROM Categories c ORDER BY (SELECT COUNT(*) FROM Articles a WHERE a.CategoryId = c.Id) DESC LIMIT 1;")
mapfile -t articles < <(sqlite3 "$DATA/portal.db" "SELECT '/tin-tuc/' || Id || '/' || Slug FROM Articles WHERE Id IN
    (SELECT MIN(Id) FROM Articles WHERE $public GROUP BY Id % 20) ORDER BY Id;")
(( ${#articles[@]} > 0 )) || die "no public article in $DATA"
# A working day a year ago, in Vietnam time.
day=$(date -u -d '365 days ago' '+%Y-%m-%d')
while [[ $(date -u -d "$day" '+%u') -gt 5 ]]; do day=$(date -u -d "$day - 1 day" '+%Y-%m-%d'); done

PAGES=(
    "static file|/css/site.css"
    "home|/"
    "category page 1|/chuyen-muc/$category"
    "category page 50|/chuyen-muc/$category?trang=50"
    "article|ARTICLE"
    "day archive|/tin-theo-ngay/$day"
    "RSS|/rss"
    "category RSS|/rss/$category"
    "sitemap index|/sitemap.xml"
    "sitemap file|/sitemap-tin-tuc-0.xml"
)

log "Starting $PUBLISH on $BASE (Production) with $DATA; server log $LOG"
(
    cd "$PUBLISH"
    ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Storage__DataPath="$DATA" Database__SeedDemoContent=false \
        Serilog__File__Enabled=false Site__BaseUrl="$BASE" RateLimits__SearchPerMinute=1000000 \
        exec dotnet DoJ.Portal.Web.dll
) >"$LOG" 2>&1 &
SERVER_PID=$!
start=$SECONDS
until [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; die "the server exited"; }
    (( SECONDS - start < 600 )) || die "no healthy answer within 600 s"
    sleep 1
done
log "Healthy after $((SECONDS - start)) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"

for round in $(seq 1 $((WARMUP + RUNS))); do
    for i in "${!PAGES[@]}"; do
        IFS='|' read -r _ path <<<"${PAGES[i]}"
        [[ "$path" == ARTICLE ]] && path=${articles[round % ${#articles[@]}]}
        read -r seconds code bytes < <(curl -s -o /dev/null --max-time "$MAX_TIME" -w '%{time_total} %{http_code} %{size_download}\n' "$BASE$path")
        [[ "$code" == 200 ]] || die "$path answered $code"
        if (( round > WARMUP )); then echo "$seconds" >>"$TIMES/$i"; echo "$bytes" >"$TIMES/$i.bytes"; fi
    done
done
log "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "Cache-miss latency, $(sqlite3 "$DATA/portal.db" 'SELECT COUNT(*) FROM Articles;') articles, $RUNS requests a page after $WARMUP warm-up rounds (curl time_total, ms)"
echo
echo "| page | path | bytes | median | p95 |"
echo "|---|---|---:|---:|---:|"
for i in "${!PAGES[@]}"; do
    IFS='|' read -r label path <<<"${PAGES[i]}"
    [[ "$path" == ARTICLE ]] && path="/tin-tuc/… (${#articles[@]} articles in turn)"
    read -r median p95 < <(stats <"$TIMES/$i")
    echo "| $label | \`$path\` | $(cat "$TIMES/$i.bytes") | $median | $p95 |"
done
