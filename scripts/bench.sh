#!/usr/bin/env bash
# Page benchmark (issue 10): throughput and latency of the public pages under load, each against its
# "static twin" (the same bytes saved from the page into wwwroot and served as a static file), with wrk
# on loopback.
#
# Publishes a Release build into a temporary folder, generates ARTICLES articles (default 100,000), DOCUMENTS
# documents of the register and ALBUMS photo albums with tools/DoJ.Portal.DatasetGenerator and builds the search
# index with the portal's `reindex`, or copies an existing data folder (DATA=/path), then runs two server instances
# one after the other, in Production mode on 127.0.0.1 only:
#   - "hit":  the portal as configured; pages come from the output cache (once the build has one);
#   - "miss": the same with OutputCache__Enabled=false, so every request renders the page;
#   - "raw":  also Search__ResultCacheEntries=0, so every search runs its query (INSTANCES="hit miss raw").
# For each instance: wait until the library images have their variants (the generated albums' photos are made at
# the first start), find the pages (home, category page 1 and 50, an article, its day archive, search for a common
# and a rare word, RSS, the register of documents, a filter combination and a number lookup, the sitemap index and
# an article file of it, the album list page 1 and 50 and the newest album), save each page's bytes as its twin
# under wwwroot/bench/, warm up,
# then ROUNDS rounds of wrk runs of DURATION seconds, page and twin interleaved (the order alternates
# between rounds), and print medians over the rounds as a Markdown table, with the server's RSS before
# and after the load and its peak.
#
#   scripts/bench.sh                               # 100,000 articles, documents and albums, 3 rounds of 10 s
#   ARTICLES=1000000 MAX_SECONDS=7200 scripts/bench.sh
#   DATA=/path/to/data scripts/bench.sh            # reuse a generated data folder (copied, never written)
#   DURATION=5 ROUNDS=1 INSTANCES=miss scripts/bench.sh   # quick look at the misses only
#
# Environment: ARTICLES, DOCUMENTS (default: as many as ARTICLES), ALBUMS (default: as many as DOCUMENTS), DATA, DURATION (s, 10), ROUNDS (3), WARMUP (s a URL, 3), CONNECTIONS (32),
# THREADS (2), INSTANCES ("hit miss"; "raw" too on request), ONLY (a subset of the pages, by name), PORT (5097), SEARCH_COMMON, SEARCH_RARE, MAX_SECONDS (whole run,
# 3600), SINGLE_WARMUP (5) and SINGLE_RUNS (15) for the search pages timed one request at a time on the miss and raw
# instances, IDLE_WAIT (s, 120: the longest wait for an idle server after a run), KEEP=1 keeps the temporary folder (build, data, wrk outputs, logs). Needs curl and wrk; sqlite3 for the
# data's counts and the wait for image variants (without it the album pages may be measured before their variants).
# Nothing is written inside the repository except the usual bin/ and obj/ build folders; the server is
# stopped on every exit path.
set -euo pipefail

ARTICLES=${ARTICLES:-100000}
DOCUMENTS=${DOCUMENTS:-$ARTICLES}
ALBUMS=${ALBUMS:-$DOCUMENTS}
# The register's pages (issue 19): the list, a filter combination, a number lookup.
REGISTER_FILTER=${REGISTER_FILTER:-/van-ban?loai=quyet-dinh&nam=2025}
REGISTER_NUMBER=${REGISTER_NUMBER:-15/2025/QĐ-UBND}
DATA=${DATA:-}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
INSTANCES=${INSTANCES:-hit miss}
PORT=${PORT:-5097}
SEARCH_COMMON=${SEARCH_COMMON:-hộ tịch}
SEARCH_RARE=${SEARCH_RARE:-lụt}
MAX_SECONDS=${MAX_SECONDS:-3600}
KEEP=${KEEP:-0}
SINGLE_WARMUP=${SINGLE_WARMUP:-5}
SINGLE_RUNS=${SINGLE_RUNS:-15}
# Background work of the server (reading the documents' files, indexing them) also counts as busy: a lower value
# measures during it rather than waiting for it.
IDLE_WAIT=${IDLE_WAIT:-120}
BASE="http://127.0.0.1:${PORT}"
# A browser's user agent, so that pages are counted as visits, as they are for readers.
USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/doj-bench.XXXXXX")
PUBLISH="$WORK/publish"
TWINS="$PUBLISH/wwwroot/bench"
SERVER_PID=""
SERVER_LOG=""

cleanup() {
    local status=$?
    stop_server
    if [[ "$KEEP" == 1 ]]; then
        echo "Kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
remaining() { echo $((MAX_SECONDS - SECONDS)); }
check_deadline() { (( SECONDS < MAX_SECONDS )) || die "over MAX_SECONDS=${MAX_SECONDS}"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
# A field of /proc/<server>/status in kB (VmRSS: resident now, VmHWM: peak resident).
server_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVER_PID/status"; }

# GET with the headers wrk sends: prints the body; fails unless the answer is 200.
fetch() {
    curl -sf --max-time 60 -A "$USER_AGENT" "$BASE$1"
}
status_of() {
    curl -s -o /dev/null --max-time 60 -A "$USER_AGENT" -w '%{http_code}' "$BASE$1" || true
}
urlencode() { printf '%s' "$1" | jq -sRr @uri 2>/dev/null || python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

for tool in curl wrk awk; do command -v "$tool" >/dev/null || die "$tool is required"; done
[[ "$(status_of /)" == 000 ]] || die "something already listens on $BASE; set PORT"
for instance in $INSTANCES; do [[ "$instance" == hit || "$instance" == miss || "$instance" == raw ]] || die "INSTANCES takes hit, miss and/or raw"; done

# The pages, "name|twin extension"; their paths are found once the server runs.
PAGES=(home category-1 category-50 article day search-common search-rare rss register register-filter register-number sitemap sitemap-file albums-1 albums-50 album)
declare -A PATH_OF EXT_OF=([rss]=xml [sitemap]=xml [sitemap-file]=xml)
# ONLY="category-1 albums-1 album" measures those pages alone (a quicker look; the paths of all are still found).
if [[ -n "${ONLY:-}" ]]; then
    for name in $ONLY; do [[ " ${PAGES[*]} " == *" $name "* ]] || die "ONLY: no page '$name' (pages: ${PAGES[*]})"; done
    read -ra PAGES <<<"$ONLY"
fi

# Measuring time alone: each instance warms up every page and twin once, then runs ROUNDS rounds.
instances_count=$(wc -w <<<"$INSTANCES")
measure_seconds=$(( instances_count * ${#PAGES[@]} * 2 * (WARMUP + ROUNDS * DURATION) ))
(( measure_seconds < MAX_SECONDS )) || die "the wrk runs alone take ${measure_seconds} s, over MAX_SECONDS=${MAX_SECONDS}"

log "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2); .NET SDK $(dotnet --version)"
log "Commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src tools || echo ' (with local changes)')"
log "Publishing a Release build to $PUBLISH"
timeout "$(remaining)" dotnet publish "$ROOT/src/DoJ.Portal.Web" -c Release -o "$PUBLISH" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log" >&2; die "publish failed"; }
mkdir -p "$TWINS"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT=Production
export Storage__DataPath="$WORK/data"
export Database__SeedDemoContent=false
export Serilog__File__Enabled=false
export Site__BaseUrl="$BASE"
# One client address asks for every search: the limit per address would turn most of them into 429s.
export RateLimits__SearchPerMinute=1000000000

if [[ -n "$DATA" ]]; then
    [[ -f "$DATA/portal.db" ]] || die "DATA=$DATA holds no portal.db"
    log "Copying $DATA to $WORK/data (the server writes to its data folder: visit counts, WAL)"
    mkdir -p "$WORK/data"
    timeout "$(remaining)" cp -a --reflink=auto "$DATA/." "$WORK/data/"
else
    log "Publishing the dataset generator to $WORK/generator"
    timeout "$(remaining)" dotnet publish "$ROOT/tools/DoJ.Portal.DatasetGenerator" -c Release -o "$WORK/generator" --nologo -v quiet >"$WORK/publish-generator.log" 2>&1 \
        || { cat "$WORK/publish-generator.log" >&2; die "publish of the generator failed"; }
    log "Generating $ARTICLES articles, $DOCUMENTS documents and $ALBUMS albums into $WORK/data"
    # In the portal's folder, so it reads the portal's appsettings.json; Storage__DataPath above is absolute.
    (cd "$PUBLISH" && timeout "$(remaining)" dotnet "$WORK/generator/DoJ.Portal.DatasetGenerator.dll" --articles "$ARTICLES" --documents "$DOCUMENTS" --albums "$ALBUMS") | tee "$WORK/generate.log" >&2
    # The generator leaves the search index to the portal; building it here times it and lets the server start ready.
    log "Building the search index"
    (cd "$PUBLISH" && timeout "$(remaining)" dotnet DoJ.Portal.Web.dll reindex) | tee -a "$WORK/generate.log" >&2
fi
check_deadline
articles=$(sqlite3 -readonly "$WORK/data/portal.db" "select (select count(*) from Articles) || ' articles, ' || (select count(*) from LegalDocuments) || ' documents, ' || (select count(*) from Albums) || ' albums'" 2>/dev/null || echo "? articles")
db_bytes=$(stat -c %s "$WORK/data/portal.db")
index_bytes=$(du -sb "$WORK/data/search-index" 2>/dev/null | cut -f1 || echo 0)
log "Data: $articles; database $(mib $((db_bytes / 1024))) MiB, search index $(mib $((index_bytes / 1024))) MiB"

# Starts an instance ("hit" or "miss") and waits until it is healthy and its search index is ready.
start_server() {
    local name=$1 start=$SECONDS
    local -a settings=()
    if [[ "$name" == miss || "$name" == raw ]]; then settings+=(OutputCache__Enabled=false); fi
    # "raw": not even the search's kept answers, so every search does its whole work.
    if [[ "$name" == raw ]]; then settings+=(Search__ResultCacheEntries=0); fi
    SERVER_LOG="$WORK/server-$name.log"
    log "Starting the '$name' instance on $BASE (Production${settings[*]:+, ${settings[*]}})"
    # Appended (O_APPEND), so the log can be emptied between runs without holes; see trim_log.
    (cd "$PUBLISH" && exec env ASPNETCORE_URLS="$BASE" "${settings[@]}" dotnet DoJ.Portal.Web.dll) >>"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    until [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do
        kill -0 "$SERVER_PID" 2>/dev/null || { cat "$SERVER_LOG" >&2; die "the server exited"; }
        (( SECONDS - start < 300 )) || die "no healthy answer within 300 s"
        check_deadline
        sleep 1
    done
    log "Healthy after $((SECONDS - start)) s; waiting for the search index"
    until [[ "$(fetch "/tim-kiem?q=luat" 2>/dev/null || true)" == *'class="result-count"'* ]]; do
        check_deadline
        sleep 2
    done
    log "Search ready after $((SECONDS - start)) s"
    wait_variants
}

# Images copied in without variants (the generated albums' shared photos) are converted by the server's background
# task at its start, and no page is evicted when they are: wait for it before any album page is cached or saved.
wait_variants() {
    local waiting start=$SECONDS
    command -v sqlite3 >/dev/null || { log "sqlite3 not found: not waiting for image variants"; return; }
    while :; do
        waiting=$(sqlite3 -readonly "$WORK/data/portal.db" "select count(*) from Media where VariantWidths = ''" 2>/dev/null || echo "?")
        [[ "$waiting" == 0 ]] && break
        (( SECONDS - start < 300 )) || die "$waiting images still wait for their variants after 300 s"
        check_deadline
        sleep 1
    done
    if (( SECONDS - start > 1 )); then log "Image variants made after $((SECONDS - start)) s"; fi
}

# Every request is logged (the Production configuration): keep what is not a successful request and
# empty the log, so a long run does not fill the disk.
trim_log() {
    grep -Ev ' INF\] Serilog\.AspNetCore\.RequestLoggingMiddleware: HTTP GET .* responded ([23][0-9][0-9]|499) ' "$SERVER_LOG" >>"${SERVER_LOG%.log}.kept.log" || true
    : >"$SERVER_LOG"
}

# The paths of the pages, found from the site itself; each must answer 200.
find_pages() {
    local home category article article_html day dmy
    home=$(fetch /) || die "the home page did not answer 200"
    PATH_OF[home]=/
    for category in $(grep -o 'href="/chuyen-muc/[a-z0-9-]*"' <<<"$home" | cut -d'"' -f2 | awk '!seen[$0]++'); do
        if [[ "$(status_of "$category?trang=50")" == 200 ]]; then PATH_OF[category-1]=$category; break; fi
    done
    [[ -n "${PATH_OF[category-1]:-}" ]] || die "no category linked from the home page has a page 50"
    PATH_OF[category-50]="${PATH_OF[category-1]}?trang=50"
    # sed -n 1p reads all its input: head would exit early, grep would die of SIGPIPE and pipefail end the script.
    article=$(grep -o 'href="/tin-tuc/[0-9]*/[a-z0-9-]*"' <<<"$home" | sed -n 1p | cut -d'"' -f2)
    [[ -n "$article" ]] || die "no article linked from the home page"
    PATH_OF[article]=$article
    article_html=$(fetch "$article") || die "$article did not answer 200"
    # The article's Vietnam calendar day, as the page shows it (dd/MM/yyyy): a day that has articles.
    dmy=$(grep -o '<time datetime="[^"]*">[0-9/]*</time>' <<<"$article_html" | sed -n 1p | sed 's/.*>\([0-9/]*\)<.*/\1/')
    [[ "$dmy" =~ ^([0-9]{2})/([0-9]{2})/([0-9]{4})$ ]] || die "no date on $article"
    day="/tin-theo-ngay/${BASH_REMATCH[3]}-${BASH_REMATCH[2]}-${BASH_REMATCH[1]}"
    # At 1M a day holds ~180 articles, so the article may be on a later page of it: any article listed will do.
    [[ "$(fetch "$day" || true)" == *"href=\"/tin-tuc/"* ]] || die "$day lists no article"
    PATH_OF[day]=$day
    PATH_OF[search-common]="/tim-kiem?q=$(urlencode "$SEARCH_COMMON")"
    PATH_OF[search-rare]="/tim-kiem?q=$(urlencode "$SEARCH_RARE")"
    PATH_OF[rss]=/rss
    PATH_OF[register]=/van-ban
    PATH_OF[register-filter]=$REGISTER_FILTER
    PATH_OF[register-number]="/van-ban?q=$(urlencode "$REGISTER_NUMBER")"
    local path
    for path in "${PATH_OF[register]}" "${PATH_OF[register-filter]}" "${PATH_OF[register-number]}"; do
        [[ "$(status_of "$path")" == 200 ]] || die "$path did not answer 200 (is the register of issue 19 in this build?)"
    done
    # The sitemap index, and the article file in the middle of the list it gives (a full file of `Sitemap:IdsPerFile` ids).
    PATH_OF[sitemap]=/sitemap.xml
    local files
    files=$(fetch /sitemap.xml | grep -o '<loc>[^<]*sitemap-tin-tuc-[0-9]*\.xml</loc>' | sed 's#<loc>[a-z]*://[^/]*\(/[^<]*\)</loc>#\1#') \
        || die "/sitemap.xml did not answer 200"
    [[ -n "$files" ]] || die "/sitemap.xml lists no article file"
    PATH_OF[sitemap-file]=$(sed -n "$(( ($(wc -l <<<"$files") + 1) / 2 ))p" <<<"$files")
    # The photo albums (issue 22): the list, a later page of it, and the newest album (the first the list links).
    PATH_OF[albums-1]=/thu-vien-anh
    PATH_OF[albums-50]="/thu-vien-anh?trang=50"
    [[ "$(status_of "${PATH_OF[albums-50]}")" == 200 ]] || die "${PATH_OF[albums-50]} did not answer 200 (fewer than 589 public albums?)"
    PATH_OF[album]=$(fetch /thu-vien-anh | grep -o 'href="/thu-vien-anh/[0-9]*/[a-z0-9-]*"' | sed -n 1p | cut -d'"' -f2) \
        || die "/thu-vien-anh did not answer 200"
    [[ -n "${PATH_OF[album]}" ]] || die "/thu-vien-anh lists no album"
    [[ "$(fetch "${PATH_OF[album]}" || true)" == *'class="album-grid-item"'* ]] || die "${PATH_OF[album]} shows no photo"
    local name
    for name in "${PAGES[@]}"; do log "  $name: ${PATH_OF[$name]}"; done
}

# Saves each page's bytes as its static twin; prints whether a second request came from the output
# cache (ASP.NET Core's output cache sets Age on what it serves).
save_twins() {
    local name file headers
    for name in "${PAGES[@]}"; do
        file="$TWINS/$name.${EXT_OF[$name]:-html}"
        curl -sf --max-time 60 -A "$USER_AGENT" -o "$file" "$BASE${PATH_OF[$name]}" || die "${PATH_OF[$name]} did not answer 200"
        [[ -s "$file" ]] || die "${PATH_OF[$name]} answered an empty page"
        cmp -s "$file" <(curl -sf --max-time 10 -A "$USER_AGENT" "$BASE/bench/${file##*/}") || die "the twin of $name is not served as saved"
        headers=$(curl -s -o /dev/null -D - --max-time 60 -A "$USER_AGENT" "$BASE${PATH_OF[$name]}" || true)
        if grep -qi '^age:' <<<"$headers"; then
            CACHED[$name]=yes
        else
            CACHED[$name]=no
        fi
    done
}

# After a run, requests that wrk gave up on may still be rendering: wait until the server's CPU time grows
# by less than a tenth of a core in a second (at most IDLE_WAIT s), so that one run does not slow the next.
wait_idle() {
    local tick before after start=$SECONDS
    tick=$(getconf CLK_TCK)
    while (( SECONDS - start < IDLE_WAIT )); do
        before=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
        sleep 1
        after=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
        (( (after - before) * 10 < tick )) && break
    done
    if (( SECONDS - start > 3 )); then log "  the server was busy for $((SECONDS - start)) s after the run"; fi
}

# One wrk run; prints "requests/s p50-ms p99-ms non-2xx/3xx socket-errors requests".
run_wrk() {
    local url=$1 seconds=$2 out=$3
    timeout $((seconds + 60)) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 30s --latency \
        -H "User-Agent: $USER_AGENT" "$url" >"$out" 2>&1 || die "wrk failed on $url: $(cat "$out")"
    wait_idle
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /requests in/ { requests = $1 }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { gsub(",", ""); socket = $4 + $6 + $8 + $10 }
        END { printf "%.1f %.2f %.2f %d %d %d\n", rps, p50, p99, non2xx, socket, requests }' "$out"
}

# Median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One request at a time (latency, not throughput): SINGLE_WARMUP then SINGLE_RUNS requests of each search page,
# rotating over the pages; prints "page median-ms max-ms" lines for the instance just measured.
single_requests() {
    local name round out="$WORK/single-$1.txt"
    : >"$out"
    for round in $(seq 1 $((SINGLE_WARMUP + SINGLE_RUNS))); do
        for name in search-common search-rare register-number; do
            t=$(curl -s -o /dev/null --max-time 60 -A "$USER_AGENT" -w '%{time_total}' "$BASE${PATH_OF[$name]}")
            (( round > SINGLE_WARMUP )) && echo "$name $t" >>"$out"
        done
    done
    for name in search-common search-rare register-number; do
        printf '%s %s %s\n' "$name" \
            "$(awk -v n="$name" '$1 == n { print $2 * 1000 }' "$out" | median)" \
            "$(awk -v n="$name" '$1 == n { print $2 * 1000 }' "$out" | sort -g | tail -n 1)"
    done >"$WORK/single-$1.summary"
}

RESULTS="$WORK/results.txt"   # instance page kind round rps p50 p99 non2xx socket requests
: >"$RESULTS"
declare -A CACHED BYTES RSS_BEFORE RSS_AFTER RSS_PEAK LOAD_BEFORE LOAD_AFTER ANON_BEFORE ANON_AFTER FILE_AFTER
declare -A CACHED_ALL

for instance in $INSTANCES; do
    check_deadline
    start_server "$instance"
    find_pages
    save_twins
    for name in "${PAGES[@]}"; do
        CACHED_ALL[$instance.$name]=${CACHED[$name]}
        BYTES[$name]=$(stat -c %s "$TWINS/$name.${EXT_OF[$name]:-html}")
    done
    trim_log
    RSS_BEFORE[$instance]=$(server_kb VmRSS)
    ANON_BEFORE[$instance]=$(server_kb RssAnon)
    LOAD_BEFORE[$instance]=$(loadavg)
    mkdir -p "$WORK/wrk/$instance"
    log "'$instance': warm-up (${WARMUP} s a URL), then $ROUNDS rounds of ${DURATION} s a URL; load average $(loadavg); RSS $(mib "${RSS_BEFORE[$instance]}") MiB"
    for name in "${PAGES[@]}"; do
        run_wrk "$BASE${PATH_OF[$name]}" "$WARMUP" "$WORK/wrk/$instance/warmup-$name-page.txt" >/dev/null
        run_wrk "$BASE/bench/$name.${EXT_OF[$name]:-html}" "$WARMUP" "$WORK/wrk/$instance/warmup-$name-twin.txt" >/dev/null
    done
    trim_log
    for round in $(seq 1 "$ROUNDS"); do
        for name in "${PAGES[@]}"; do
            check_deadline
            # Page first in odd rounds, twin first in even ones: a drift in load spreads over both.
            if (( round % 2 )); then order="page twin"; else order="twin page"; fi
            for kind in $order; do
                if [[ "$kind" == page ]]; then url="$BASE${PATH_OF[$name]}"; else url="$BASE/bench/$name.${EXT_OF[$name]:-html}"; fi
                figures=$(run_wrk "$url" "$DURATION" "$WORK/wrk/$instance/$round-$name-$kind.txt")
                echo "$instance $name $kind $round $figures" >>"$RESULTS"
            done
            trim_log
        done
        log "'$instance': round $round of $ROUNDS done; load average $(loadavg)"
    done
    if [[ "$instance" != hit ]]; then
        log "'$instance': the search pages one request at a time ($SINGLE_WARMUP warm-up, $SINGLE_RUNS measured)"
        single_requests "$instance"
    fi
    if [[ "$instance" != hit && " ${CACHED[*]} " == *" yes "* ]]; then
        log "WARNING: the 'miss' instance served pages from the output cache: OutputCache__Enabled=false is not honoured"
    fi
    RSS_AFTER[$instance]=$(server_kb VmRSS)
    RSS_PEAK[$instance]=$(server_kb VmHWM)
    ANON_AFTER[$instance]=$(server_kb RssAnon)
    FILE_AFTER[$instance]=$(server_kb RssFile)
    LOAD_AFTER[$instance]=$(loadavg)
    if grep -Eq ' (ERR|FTL)\] ' "${SERVER_LOG%.log}.kept.log"; then
        log "'$instance': the server logged errors, see ${SERVER_LOG%.log}.kept.log (KEEP=1 keeps it)"
        grep -E ' (ERR|FTL)\] ' "${SERVER_LOG%.log}.kept.log" | head -n 5 >&2
    fi
    stop_server
done

# One figure of one page kind, its median over the rounds: field 5 = req/s ("%.0f"), 6 = p50, 7 = p99 ("%.1f",
# from the rounds that completed requests); "-" when there is none.
figure() {
    awk -v i="$1" -v n="$2" -v k="$3" -v f="$4" '$1 == i && $2 == n && $3 == k && (f == 5 || $10 > 0) { print $f }' "$RESULTS" \
        | median | awk -v format="$5" '$1 == "-" { print "-"; next } { printf format "\n", $1 }'
}
errors() { awk -v i="$1" -v n="$2" -v k="$3" '$1 == i && $2 == n && $3 == k { e += $8 + $9 } END { print e + 0 }' "$RESULTS"; }
# The page/twin ratio of requests/s, round by round, then the median over the rounds.
ratio() {
    awk -v i="$1" -v n="$2" '$1 == i && $2 == n { rps[$3 " " $4] = $5; rounds[$4] = 1 }
        END { for (r in rounds) if (rps["twin " r] > 0) printf "%.3f\n", rps["page " r] / rps["twin " r] }' "$RESULTS" \
        | median | awk '$1 == "-" { print "-"; next } { printf "%.2f\n", $1 }'
}

echo
echo "Pages under load: $articles; wrk $THREADS threads, $CONNECTIONS connections, ${DURATION} s a run, $ROUNDS rounds, page and twin interleaved; medians over the rounds."
echo "Commit $(git -C "$ROOT" rev-parse --short HEAD); $(nproc) cores; search for \"$SEARCH_COMMON\" (common) and \"$SEARCH_RARE\" (rare)."
for instance in $INSTANCES; do
    echo
    if [[ "$instance" == hit ]]; then
        echo "### Normal requests (cache hits where the page was served from the output cache)"
    elif [[ "$instance" == miss ]]; then
        echo "### Cache misses (second instance, OutputCache__Enabled=false)"
    else
        echo "### Raw misses (third instance, OutputCache__Enabled=false and Search__ResultCacheEntries=0: every search does its whole work)"
    fi
    echo
    echo "| page | path | bytes | from cache | req/s | twin req/s | ratio | p50 ms | p99 ms | twin p50 ms | twin p99 ms | errors (page/twin) |"
    echo "|---|---|---:|:---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for name in "${PAGES[@]}"; do
        printf '| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |\n' \
            "$name" "${PATH_OF[$name]}" "${BYTES[$name]}" "${CACHED_ALL[$instance.$name]}" \
            "$(figure "$instance" "$name" page 5 %.0f)" "$(figure "$instance" "$name" twin 5 %.0f)" "$(ratio "$instance" "$name")" \
            "$(figure "$instance" "$name" page 6 %.1f)" "$(figure "$instance" "$name" page 7 %.1f)" \
            "$(figure "$instance" "$name" twin 6 %.1f)" "$(figure "$instance" "$name" twin 7 %.1f)" \
            "$(errors "$instance" "$name" page)" "$(errors "$instance" "$name" twin)"
    done
    echo
    echo "Server RSS: $(mib "${RSS_BEFORE[$instance]}") MiB before the load, $(mib "${RSS_AFTER[$instance]}") MiB after, peak $(mib "${RSS_PEAK[$instance]}") MiB. Load average before ${LOAD_BEFORE[$instance]}, after ${LOAD_AFTER[$instance]}."
    # RssAnon is the process's own memory (heaps, caches); RssFile the pages of mapped files (the search
    # index, the runtime's libraries) the kernel may drop and read again under memory pressure.
    echo "Of which anonymous (heaps): $(mib "${ANON_BEFORE[$instance]}") MiB before, $(mib "${ANON_AFTER[$instance]}") MiB after; file-backed after: $(mib "${FILE_AFTER[$instance]}") MiB."
    if [[ -f "$WORK/single-$instance.summary" ]]; then
        echo
        echo "One request at a time (curl, median and maximum of $SINGLE_RUNS after $SINGLE_WARMUP warm-ups), ms:"
        awk '{ printf "- %s: %.1f / %.1f\n", $1, $2, $3 }' "$WORK/single-$instance.summary"
    fi
done
