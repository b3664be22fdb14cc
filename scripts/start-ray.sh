#!/usr/bin/env bash
# A local Ray head for the corpus tests (`newsaudit ingest --engine ray` runs on it), as a
# user would start one: 2 CPUs, no dashboard, listening on 127.0.0.1.
#
#   eval "$(bash scripts/start-ray.sh)"     # start; exports RAY_ADDRESS
#   bash scripts/start-ray.sh stop          # stop it
set -euo pipefail
cd "$(dirname "$0")/.."
RAY=.venv/bin/ray
PORT=${NEWSAUDIT_RAY_PORT:-6389}
if [ "${1:-start}" = stop ]; then
  "$RAY" stop --force >/dev/null 2>&1 || true
  exit 0
fi
export RAY_AUTH_MODE=token   # the head and its clients present the token in ~/.ray/auth_token
# Ray >= 2.5x no longer writes the token when a head starts: make one first if there is none
# (printed to stdout, which is eval'ed by the caller, so it goes nowhere).
"$RAY" get-auth-token --generate >/dev/null
"$RAY" start --head --node-ip-address=127.0.0.1 --port="$PORT" --num-cpus=2 \
  --include-dashboard=false --disable-usage-stats >&2
echo "export RAY_ADDRESS=127.0.0.1:$PORT RAY_AUTH_MODE=token"
