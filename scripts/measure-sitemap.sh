#!/usr/bin/env bash
# Times the sitemap index and every file it lists, on a published portal over a data folder, output cache off
# (every request is a miss). Usage: scripts/measure-sitemap.sh /path/to/publish /path/to/App_Data [port] [runs]
# Prints, per address, the median and the slowest of RUNS requests after two warm-up rounds (curl time_total, ms),
# and how many <loc> the file holds. See docs/perf-sitemap.md.
set -euo pipefail
PUBLISH=$1 DATA=$2 PORT=${3:-5391} RUNS=${4:-10}
BASE="http://127.0.0.1:$PORT"
LOG=$(mktemp)
(
    cd "$PUBLISH"
    ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Storage__DataPath="$DATA" Database__SeedDemoContent=false \
        Serilog__File__Enabled=false Site__BaseUrl="$BASE" OutputCache__Enabled=false \
        exec dotnet DoJ.Portal.Web.dll
) >"$LOG" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
start=$SECONDS
until [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG" >&2; exit 1; }
    (( SECONDS - start < 600 )) || { echo "no healthy answer within 600 s" >&2; exit 1; }
    sleep 1
done
echo "Healthy after $((SECONDS - start)) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# The index, then what it lists (an old portal's /sitemap.xml is a urlset: then it alone is timed).
mapfile -t files < <(curl -s --max-time 120 "$BASE/sitemap.xml" | grep -o '<sitemap>[^<]*<loc>[^<]*' | sed 's/.*<loc>//' || true)
[[ ${#files[@]} -eq 0 ]] && mapfile -t files < <(curl -s --max-time 120 "$BASE/sitemap.xml" | tr -d ' \n' | grep -o '<sitemap><loc>[^<]*' | sed 's/.*<loc>//' || true)
urls=("$BASE/sitemap.xml" "${files[@]}")
echo "| address | status | bytes | <loc> | median ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|"
for url in "${urls[@]}"; do
    times=()
    for round in $(seq 1 $((RUNS + 2))); do
        read -r seconds code bytes < <(curl -s -o /dev/null --max-time 120 -w '%{time_total} %{http_code} %{size_download}\n' "$url")
        (( round > 2 )) && times+=("$seconds")
    done
    locs=$(curl -s --max-time 120 "$url" | grep -o '<loc>' | wc -l)
    read -r median max < <(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.0f %.0f\n", m*1000, a[NR]*1000}')
    echo "| \`${url#"$BASE"}\` | $code | $bytes | $locs | $median | $max |"
done
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
