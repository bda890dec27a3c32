#!/usr/bin/env bash
# Run a command inside a fresh, loopback-only network namespace.
#
#   bash scripts/netns-run.sh npx vitest run --project e2e
#
# The namespace has only `lo` (127.0.0.1 / ::1), brought up before the command starts, so
# browsers and servers under test can never reach another address. Needs root (or
# CAP_SYS_ADMIN); when already inside such a namespace (NETNS_RUN_ACTIVE=1) it runs the
# command directly. The exit status is the command's.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/netns-run.sh <command> [args...]" >&2
  exit 64
fi

if [ "${NETNS_RUN_ACTIVE:-}" = "1" ]; then
  exec "$@"
fi

export NETNS_RUN_ACTIVE=1
# "$0" inside sh -c is a placeholder name; "$@" are passed verbatim (no re-quoting issues).
exec unshare -n sh -c 'ip link set lo up && exec "$@"' netns-run "$@"
