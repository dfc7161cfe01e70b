#!/usr/bin/env bash
# Regenerates the README's screenshots, docs/screenshots/*.png (home, article, search, day archive, a photo
# album and its lightbox, phone views, admin article editor, dashboard). Not part of `dotnet test`.
#
# Publishes the portal, starts it in Production mode on 127.0.0.1 with a temporary data folder (demo
# content, a throwaway administrator from Admin:Email/Admin:Password, plain-http cookies), and runs
# tools/DoJ.Portal.Screenshots (Playwright driving Debian's /usr/bin/chromium) against it. The server
# is stopped and the temporary folder removed on every exit path.
#
#   scripts/screenshots.sh                 # writes docs/screenshots/
#   OUT=/tmp/shots scripts/screenshots.sh  # writes elsewhere
#
# Environment: OUT (docs/screenshots), PORT (5098), CONFIGURATION (Debug), KEEP=1 keeps the temporary folder.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/docs/screenshots}
PORT=${PORT:-5098}
CONFIGURATION=${CONFIGURATION:-Debug}
KEEP=${KEEP:-0}
BASE="http://127.0.0.1:${PORT}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/doj-screenshots.XXXXXX")
SERVER_PID=""

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

command -v curl >/dev/null || die "curl is required"
[[ -x /usr/bin/chromium ]] || die "Chromium is not installed: apt-get install chromium"
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
    die "something already listens on $BASE; set PORT"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Publishing the portal ($CONFIGURATION) and building the screenshot tool"
dotnet publish "$ROOT/src/DoJ.Portal.Web" -c "$CONFIGURATION" -o "$WORK/publish" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { cat "$WORK/publish.log" >&2; die "publish failed"; }
dotnet build "$ROOT/tools/DoJ.Portal.Screenshots" -c "$CONFIGURATION" --nologo -v quiet >"$WORK/tool.log" 2>&1 \
    || { cat "$WORK/tool.log" >&2; die "the screenshot tool did not build"; }

# A throwaway administrator: the account lives only in the temporary database.
EMAIL="anh-chup-man-hinh@localhost"
PASSWORD="Tam-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

log "Starting the portal on $BASE (Production, data in $WORK/data)"
(
    cd "$WORK/publish"
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" Site__BaseUrl="$BASE" \
    Storage__DataPath="$WORK/data" Database__SeedDemoContent=true Serilog__File__Enabled=false \
    Security__PlainHttpCookies=true Admin__Email="$EMAIL" Admin__Password="$PASSWORD" \
    exec dotnet DoJ.Portal.Web.dll
) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
start=$SECONDS
until [[ "$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$BASE/health" || true)" == 200 ]]; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the server exited"; }
    (( SECONDS - start < 120 )) || { cat "$WORK/server.log" >&2; die "no healthy answer within 120 s"; }
    sleep 1
done
log "Healthy after $((SECONDS - start)) s; taking the screenshots into $OUT"

SCREENSHOTS_EMAIL="$EMAIL" SCREENSHOTS_PASSWORD="$PASSWORD" \
    dotnet "$ROOT/tools/DoJ.Portal.Screenshots/bin/$CONFIGURATION/net10.0/DoJ.Portal.Screenshots.dll" "$BASE" "$OUT" \
    || { tail -n 40 "$WORK/server.log" >&2; die "the screenshots failed"; }
log "Done"
