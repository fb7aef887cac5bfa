#!/usr/bin/env bash
# Accessibility audit of nko-draft HTML output in headless Debian Chromium + axe-core.
#
#   tests/a11y/run.sh [--screenshot DIR] [--verbose] FILE.html [FILE.html ...]
#
# Installs what it needs when missing: Debian's chromium (/usr/bin/chromium) and the
# pinned npm packages from package-lock.json (npm ci). Playwright never downloads a
# browser. Needs Node.js >= 20 (playwright-core's minimum) with npm.
# Exit status is audit.mjs's: 0 all pass, 1 a file fails, 2 usage/start-up error.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 [--screenshot DIR] [--verbose] FILE.html [FILE.html ...]" >&2
  exit 2
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  echo "a11y: installing Debian's chromium" >&2
  as_root apt-get update >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2
fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "a11y: node and npm are required (Node.js >= 20)" >&2
  exit 2
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 20 ]; then
  echo "a11y: Node.js >= 20 is required, found $(node --version)" >&2
  exit 2
fi

# (Re)install when node_modules is missing or does not hold the pinned versions.
if ! (cd "$here" && node -e '
  const pkg = require("./package.json");
  for (const [name, want] of Object.entries(pkg.dependencies)) {
    const have = require(`./node_modules/${name}/package.json`).version;
    if (have !== want) process.exit(1);
  }' >/dev/null 2>&1); then
  echo "a11y: npm ci in $here" >&2
  (cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >&2)
fi

exec node "$here/audit.mjs" "$@"
