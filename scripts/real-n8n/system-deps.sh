#!/usr/bin/env bash
# Debian packages the real-n8n checks need: Chromium (editor check), Redis and PostgreSQL (queue mode),
# poppler-utils (a PDF reader that checks the generated profile PDFs: pdftotext, pdftoppm).
# Installed only when missing, and only as root (as on CI machines); otherwise says what to install.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/pdftotext ] || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages for the real-n8n checks: ${need[*]}. Install them: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
	exit 1
fi
echo "installing Debian packages: ${need[*]} (about 30 s)"
apt-get update -qq
# The packages' own services are not needed: the checks start Redis and PostgreSQL on free ports.
DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
# Verify what was installed before anyone relies on it.
missing=()
/usr/bin/chromium --version >/dev/null 2>&1 || missing+=(chromium)
redis-server --version >/dev/null 2>&1 || missing+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
pdftotext -v >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing Debian packages did not give working ${missing[*]}. Fix: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
	exit 1
fi
