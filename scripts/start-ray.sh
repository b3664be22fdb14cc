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
export RAY_AUTH_MODE=token   # the head generates a token (~/.ray/auth_token); clients present it
"$RAY" start --head --node-ip-address=127.0.0.1 --port="$PORT" --num-cpus=2 \
  --include-dashboard=false --disable-usage-stats >&2
echo "export RAY_ADDRESS=127.0.0.1:$PORT RAY_AUTH_MODE=token"
