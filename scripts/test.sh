#!/usr/bin/env bash
# `npm test`: everything a change must pass, in the order that fails fastest.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "build";      npm run build
step "format";     npm run format:check
step "lint";       npm run lint
step "typecheck";  npm run typecheck
step "unit + integration (jest, in-process n8n)"; npx jest
step "community-package scan (source + packed tarball)"; npm run scan
if [ "${SKIP_E2E:-}" = "1" ]; then
	echo "SKIP_E2E=1: skipping the real-n8n checks"
	exit 0
fi
step "Node 24 + n8n 2.41.1 (cached in ~/.cache/n8n-nodes-ats-sync)"; bash scripts/real-n8n/runtime.sh >/dev/null
step "Debian packages for the editor and queue-mode checks"; bash scripts/real-n8n/system-deps.sh
step "e2e in a real n8n 2.41.1"; npm run test:e2e
step "editor in headless Chromium"; npm run test:browser
step "queue mode: main + 2 workers, Redis, PostgreSQL"; npm run test:queue
step "demo: every example workflow through its trigger"; npm run demo -- --check
