#!/usr/bin/env bash
# The tests run a real Valkey/Redis server on loopback (test/redis/global-setup.ts starts it). Installs Debian's
# redis-server when neither valkey-server nor redis-server is on PATH and this user can; otherwise says how.
set -euo pipefail
if [ -n "${ROCKY_REDIS_SERVER:-}" ] || command -v valkey-server >/dev/null 2>&1 || command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
    echo "error: the tests need redis-server (or valkey-server) on PATH" >&2
    echo "hint: install it (sudo apt-get install -y redis-server), or set ROCKY_REDIS_SERVER to its path" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: the tests need redis-server (or valkey-server) on PATH, and apt-get is not here to install it" >&2
  echo "hint: install Redis or Valkey with this system's package manager, or set ROCKY_REDIS_SERVER to its path" >&2
  exit 1
fi
echo "installing redis-server for the tests (Debian package)" >&2
$sudo apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq redis-server >&2
