#!/usr/bin/env bash
# Install Debian's chromium for the Playwright browser tests (tests/browser) and print its path.
#
# Idempotent: installs only when /usr/bin/chromium is missing. Runs as root on Debian. The tests
# drive this binary through Playwright's `executable_path`; no browser is downloaded from a hub
# (never run `playwright install`).
# Usage in CI:  bash scripts/ci/setup_browser.sh
set -euo pipefail
log() { echo "setup_browser: $*" >&2; }
if [ ! -x /usr/bin/chromium ]; then
  log "installing Debian chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
/usr/bin/chromium --version >&2
echo /usr/bin/chromium
