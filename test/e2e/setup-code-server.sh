#!/usr/bin/env bash
# Installs code-server (VS Code 1.100.3 in a browser) and its system dependencies
# into test/.cache/code-server, once. A second run only checks a marker file.
#
# Why these exact steps: code-server 4.100.3 is the newest release that runs on
# Node 20; its npm install scripts try to download binaries (unreachable here),
# so we install with --ignore-scripts and then build/link what the scripts
# would have produced ourselves. Prints the path of the code-server launcher
# on its last line of stdout.
set -euo pipefail

VERSION="4.100.3"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${DOSSIER_CODE_SERVER_CACHE:-$REPO_ROOT/test/.cache/code-server}"
MARKER="$CACHE/.installed-$VERSION"
LAUNCHER="$CACHE/node_modules/code-server/out/node/entry.js"

log() { echo "[setup-code-server] $*" >&2; }
fail() { echo "[setup-code-server] ERROR: $*" >&2; exit 1; }

if [[ -f "$MARKER" && -f "$LAUNCHER" && -x /usr/bin/chromium ]]; then
  echo "$LAUNCHER"
  exit 0
fi

# --- System packages: only when missing, and only as root. ------------------
missing=()
for pkg in libkrb5-dev ripgrep chromium; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if (( ${#missing[@]} > 0 )); then
  if [[ "$(id -u)" != "0" ]]; then
    fail "missing Debian packages: ${missing[*]}. Install them as root: apt-get update && apt-get install -y ${missing[*]}"
  fi
  command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} with your package manager"
  log "installing ${missing[*]} with apt-get"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
fi
[[ -x /usr/bin/rg ]] || fail "/usr/bin/rg not found after installing ripgrep"

# --- code-server from the npm registry. -------------------------------------
# A lock keeps `npm start` and `npm run test:e2e` from installing at the same time.
mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
if [[ -f "$MARKER" && -f "$LAUNCHER" ]]; then
  echo "$LAUNCHER"
  exit 0
fi

cd "$CACHE"
# A package.json of its own so npm does not treat the repository as the project.
[[ -f package.json ]] || echo '{ "name": "dossier-code-server-cache", "private": true }' > package.json

log "npm install code-server@$VERSION (this takes a few minutes the first time)"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2 \
  || fail "npm install code-server@$VERSION failed (is the npm registry reachable?)"

VSCODE_DIR="$CACHE/node_modules/code-server/lib/vscode"
[[ -d "$VSCODE_DIR" ]] || fail "$VSCODE_DIR missing: unexpected code-server package layout"
cd "$VSCODE_DIR"
log "installing VS Code's own dependencies"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2 || fail "npm install in lib/vscode failed"
# @vscode/ripgrep's postinstall downloads a binary; use Debian's instead.
mkdir -p node_modules/@vscode/ripgrep/bin
cp /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules of VS Code"
npm_config_yes=true npm rebuild >&2 || fail "npm rebuild in lib/vscode failed (are build tools and libkrb5-dev installed?)"
[[ -e node_modules.asar ]] || ln -s node_modules node_modules.asar
if [[ -d bin/remote-cli && ! -e bin/remote-cli/code-server ]]; then
  ln -s code-linux.sh bin/remote-cli/code-server
fi

cd "$CACHE"
log "rebuilding argon2"
npm_config_yes=true npm rebuild argon2 >&2 || fail "npm rebuild argon2 failed"

[[ -f "$LAUNCHER" ]] || fail "code-server entry point $LAUNCHER missing after install"
touch "$MARKER"
log "code-server $VERSION ready"
echo "$LAUNCHER"
