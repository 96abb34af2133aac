#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "build";      npm run build
step "lint";       npm run lint
step "typecheck";  npm run typecheck
step "unit + integration (jest, in-process n8n)"; npx jest
step "community-package scan (source + packed tarball)"; npm run scan
if [ "${SKIP_E2E:-}" = "1" ]; then
	echo "SKIP_E2E=1: skipping the real-n8n suites"
else
	step "e2e in a real n8n 2.41.1"; npm run test:e2e
fi
