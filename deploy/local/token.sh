#!/usr/bin/env bash
# Prints a bearer token for an agency, signed with the key pair tamroi.sh generated, so the
# APIs of the locally running Tamroi can be called as that agency.
# Usage: deploy/local/token.sh AGENCY [GROUP...]
#   GROUP defaults to agency-viewer; the others are event-publisher and timeline-editor.
#   TAMROI_TOKEN_TTL sets the lifetime in seconds (default 3600).
# Only openssl and coreutils: an operator's shell has them, and it needs no Java start-up.
set -euo pipefail

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# TAMROI_WORK_DIR as for tamroi.sh, for an instance with keys of its own.
PRIVATE_KEY="${TAMROI_WORK_DIR:-$LOCAL_DIR/work}/jwt/private.pem"
# Must equal the mp.jwt.verify.issuer that tamroi.sh passes.
ISSUER=https://tamroi.local
TTL="${TAMROI_TOKEN_TTL:-3600}"

if [[ $# -lt 1 ]]; then
    echo "Usage: $0 AGENCY [GROUP...]   (groups: agency-viewer, event-publisher, timeline-editor)" >&2
    exit 2
fi
agency="$1"
shift
groups=("$@")
(( ${#groups[@]} )) || groups=(agency-viewer)

# The claims are written into JSON by hand, so allow only characters that need no escaping.
for name in "$agency" "${groups[@]}"; do
    if [[ ! "$name" =~ ^[A-Za-z0-9._-]+$ ]]; then
        echo "Not a plain name: '$name' (letters, digits, '.', '_' and '-' only)" >&2
        exit 2
    fi
done
if [[ ! "$TTL" =~ ^[0-9]+$ ]]; then
    echo "TAMROI_TOKEN_TTL must be a number of seconds" >&2
    exit 2
fi
if [[ ! -r "$PRIVATE_KEY" ]]; then
    echo "No $PRIVATE_KEY; deploy/local/tamroi.sh start creates it" >&2
    exit 1
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
group_list="$(printf '"%s",' "${groups[@]}")"
header='{"alg":"RS256","typ":"JWT"}'
# A fresh jti per token, so tokens minted in the same second still differ.
claims="$(printf '{"iss":"%s","sub":"%s-local","upn":"%s@local","agency":"%s","groups":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
    "$ISSUER" "$agency" "$agency" "$agency" "${group_list%,}" "$now" "$(( now + TTL ))" \
    "$(openssl rand -hex 16)")"

signing_input="$(printf '%s' "$header" | b64url).$(printf '%s' "$claims" | b64url)"
signature="$(printf '%s' "$signing_input" | openssl dgst -sha256 -sign "$PRIVATE_KEY" -binary | b64url)"
printf '%s.%s\n' "$signing_input" "$signature"
