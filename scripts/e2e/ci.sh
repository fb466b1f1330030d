#!/usr/bin/env bash
# CI entry point for the end-to-end suite: installs what it needs, then runs it.
#
#   - node_modules (npm ci) when missing: e.g. when called on its own after a clone
#   - apt packages (chromium, ripgrep, libkrb5-dev, pkg-config) and code-server
#     4.100.3 in ${DDD_E2E_CACHE:-~/.cache/ddd-e2e}: scripts/e2e/setup-code-server.sh
#     (idempotent, under a second once done; needs root or sudo for apt)
#   - npm run test:e2e: grammar, snippets, smoke and extension tests; the VSIX is
#     packaged on the way (dist/ddd-modeler.vsix)
#
# Exits non-zero when anything fails. Screenshots, the extension's log and
# code-server's logs are in test-results/e2e/ (worth keeping as CI artefacts).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -d node_modules/playwright-core || ! -d node_modules/@vscode/vsce ]]; then
  echo "[e2e] npm ci" >&2
  npm ci --no-audit --no-fund
fi
echo "[e2e] setting up code-server and Chromium" >&2
bash scripts/e2e/setup-code-server.sh >/dev/null
echo "[e2e] running the end-to-end suite" >&2
exec node test/e2e/run.mjs "$@"
