#!/usr/bin/env bash
# The dispatch board's browser tests drive Debian's chromium through playwright-core (no browser
# downloads). Installs it when it is missing; does nothing when it is there. Needs root for apt-get.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "The dispatch board's browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  exit 1
fi
echo "Installing chromium (dispatch board browser tests)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium
