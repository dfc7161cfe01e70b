#!/bin/sh
# Entrypoint of the nginx services (docker-compose.yml): puts the certificate nginx serves in /etc/nginx/tls, then
# starts nginx through the image's own entrypoint.
#
#   - the operator's certificate when deploy/tls holds fullchain.pem and privkey.pem (mounted read-only at
#     /etc/nginx/tls-provided);
#   - otherwise a self-signed trial certificate for PORTAL_TLS_NAME (default localhost), made with openssl on the
#     first start (deploy/nginx/Dockerfile installs openssl at build time; nothing is downloaded at run time) and kept in the "tls" volume, made
#     again when it has less than a day left. Browsers warn about it: it is for a trial, never for the public site.
set -eu

live=/etc/nginx/tls
provided=/etc/nginx/tls-provided
name="${PORTAL_TLS_NAME:-localhost}"
mkdir -p "$live"

if [ -s "$provided/fullchain.pem" ] && [ -s "$provided/privkey.pem" ]; then
    cp "$provided/fullchain.pem" "$live/fullchain.pem"
    cp "$provided/privkey.pem" "$live/privkey.pem"
    echo "tls-certificate: serving the certificate from deploy/tls"
else
    if ! [ -s "$live/trial-privkey.pem" ] || ! openssl x509 -checkend 86400 -noout -in "$live/trial-fullchain.pem" >/dev/null 2>&1; then
        openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 90 \
            -subj "/CN=$name" -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
            -keyout "$live/trial-privkey.pem" -out "$live/trial-fullchain.pem" 2>/dev/null
        echo "tls-certificate: generated a self-signed trial certificate for $name (90 days)"
    fi
    cp "$live/trial-fullchain.pem" "$live/fullchain.pem"
    cp "$live/trial-privkey.pem" "$live/privkey.pem"
    echo "tls-certificate: serving the self-signed trial certificate; put a real one in deploy/tls (docs/operations.md)"
fi
chmod 600 "$live/privkey.pem" "$live"/trial-privkey.pem 2>/dev/null || true

exec /docker-entrypoint.sh "$@"
