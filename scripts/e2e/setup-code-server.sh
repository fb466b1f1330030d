#!/usr/bin/env bash
# Installs a headless VS Code (code-server) plus what the end-to-end tests need
# to drive it (Debian's Chromium and ripgrep), following the steps that were
# found to work on these machines (no internet except the npm registry and apt):
#
#   apt packages  -> libkrb5-dev pkg-config ripgrep chromium (only those missing)
#   code-server   -> npm install code-server@4.100.3 --ignore-scripts into a cache
#                    dir OUTSIDE the repo, then the native rebuilds its postinstall
#                    would have done (that postinstall refuses to run as root under
#                    npm 11 and downloads ripgrep from the internet).
#
# Idempotent: a marker file is written once everything is in place; later runs
# only check it and exit in well under a second.
#
# Usage:
#   scripts/e2e/setup-code-server.sh                 # install (if needed), print entry.js path last
#   scripts/e2e/setup-code-server.sh --print-entry   # only print entry.js path (exit 1 if not installed)
#   scripts/e2e/setup-code-server.sh --force         # redo the code-server install from scratch
#
# Environment:
#   DDD_E2E_CACHE   cache root (default: $HOME/.cache/ddd-e2e); code-server goes to $DDD_E2E_CACHE/code-server
#
# All progress messages go to stderr, so `entry=$(scripts/e2e/setup-code-server.sh)`
# captures just the entry.js path.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
CACHE_ROOT="${DDD_E2E_CACHE:-$HOME/.cache/ddd-e2e}"
INSTALL_DIR="$CACHE_ROOT/code-server"
CS_DIR="$INSTALL_DIR/node_modules/code-server"
VSCODE_DIR="$CS_DIR/lib/vscode"
ENTRY="$CS_DIR/out/node/entry.js"
MARKER="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(libkrb5-dev pkg-config ripgrep chromium)

log() { printf '[setup-code-server] %s\n' "$*" >&2; }
die() { printf '[setup-code-server] ERROR: %s\n' "$*" >&2; exit 1; }
step() { log "$1"; step_s=$SECONDS; }
done_step() { log "  ... done in $((SECONDS - step_s)) s"; }

force=0
print_only=0
for arg in "$@"; do
  case "$arg" in
    --print-entry) print_only=1 ;;
    --force) force=1 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg" ;;
  esac
done

if [[ $print_only == 1 ]]; then
  [[ -f "$MARKER" && -f "$ENTRY" ]] || die "code-server $CODE_SERVER_VERSION is not installed in $INSTALL_DIR; run $0 first"
  echo "$ENTRY"
  exit 0
fi

start_s=$SECONDS

# --- 1. apt packages -------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  # Not `dpkg -s` alone: it also succeeds for removed packages whose config files remain.
  [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true) == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them"
  sudo=""
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || die "missing packages ${missing[*]}; run as root or install sudo"
    sudo="sudo"
  fi
  step "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  done_step
else
  log "apt packages present: ${APT_PACKAGES[*]}"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium not found after install"
command -v rg >/dev/null || die "ripgrep (rg) not found after install"

# --- 2. code-server --------------------------------------------------------
if [[ $force == 0 && -f "$MARKER" && -f "$ENTRY" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in $INSTALL_DIR ($((SECONDS - start_s)) s)"
  echo "$ENTRY"
  exit 0
fi

command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
# code-server 4.100.x bundles VS Code 1.100, built for Node 20; its native modules
# are compiled here against the running node, so the major must match at runtime.
[[ $node_major == 20 ]] || log "WARNING: code-server $CODE_SERVER_VERSION expects Node 20, found $(node -v)"

# Native rebuilds need Node's headers. node-gyp downloads them from nodejs.org
# unless nodedir points at a local copy; use the running node's own include dir
# when npm is not configured with one (this machine only reaches the npm registry).
if [[ -z "${npm_config_nodedir:-}" && "$(npm config get nodedir 2>/dev/null)" =~ ^(undefined|null|)$ ]]; then
  node_prefix=$(node -p 'require("path").resolve(process.execPath, "../..")')
  if [[ -f "$node_prefix/include/node/node.h" ]]; then
    export npm_config_nodedir="$node_prefix"
    log "using Node headers from $node_prefix/include/node"
  fi
fi

if [[ $force == 1 ]]; then
  log "--force: removing $INSTALL_DIR"
  rm -rf "$INSTALL_DIR"
fi
rm -f "$INSTALL_DIR"/.installed-*
mkdir -p "$INSTALL_DIR"
# A package.json of its own keeps npm from walking up into some other project.
[[ -f "$INSTALL_DIR/package.json" ]] || echo '{ "name": "ddd-e2e-code-server", "private": true }' >"$INSTALL_DIR/package.json"

# Quiet, non-interactive npm; the progress bar and funding notices only add noise.
npm_q=(--no-audit --no-fund --loglevel=error)

step "npm install code-server@$CODE_SERVER_VERSION --ignore-scripts (in $INSTALL_DIR)"
(cd "$INSTALL_DIR" && npm install "code-server@$CODE_SERVER_VERSION" --ignore-scripts "${npm_q[@]}" >&2)
done_step

step "npm rebuild argon2 (the password hasher code-server loads even with --auth none)"
(cd "$INSTALL_DIR" && npm rebuild argon2 "${npm_q[@]}" >&2)
done_step

step "lib/vscode: npm install --omit=dev --ignore-scripts"
(cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts "${npm_q[@]}" >&2)
done_step

step "lib/vscode: rebuilding native modules"
(cd "$VSCODE_DIR" && npm rebuild kerberos @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog "${npm_q[@]}" >&2)
# node-pty is rebuilt on its own: its install script ends with
# `npx node-gyp configure -- -f compile_commands_json` (an editor helper file),
# which fails here ("npx canceled due to missing packages and no YES option").
# build/Release/pty.node is compiled before that step all the same, so tolerate
# the exit status and check the binary below. The failure dumps a long npm error;
# keep it in a log file and show its tail only if the binary is really missing.
rebuild_log="$INSTALL_DIR/node-pty-rebuild.log"
(cd "$VSCODE_DIR" && npm rebuild node-pty "${npm_q[@]}") >"$rebuild_log" 2>&1 ||
  log "  npm rebuild node-pty exited non-zero (the known 'npx node-gyp' post-install failure; log: $rebuild_log)"
[[ -f "$VSCODE_DIR/node_modules/node-pty/build/Release/pty.node" ]] ||
  { tail -n 40 "$rebuild_log" >&2; die "node-pty's build/Release/pty.node was not built"; }
# Load each module from lib/vscode, as VS Code will (@parcel/watcher ships
# prebuilt binaries in @parcel/watcher-linux-*, so it has no build/ dir).
for mod in kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog; do
  (cd "$VSCODE_DIR" && node -e 'require(process.argv[1])' "$mod" >/dev/null 2>&1) ||
    die "native module $mod does not load after the rebuild (try: cd $VSCODE_DIR && node -e \"require('$mod')\")"
done
log "  all native modules load"
done_step

step "lib/vscode: Debian's ripgrep in place of @vscode/ripgrep's download, node_modules.asar link"
mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"
done_step

step "lib/vscode/extensions: npm install --omit=dev (built-in extensions' dependencies)"
(cd "$VSCODE_DIR/extensions" && npm install --omit=dev "${npm_q[@]}" >&2)
done_step

[[ -f "$ENTRY" ]] || die "$ENTRY missing after install"
step "sanity check: node entry.js --version"
# --config /dev/null: otherwise code-server writes ~/.config/code-server/config.yaml.
version_out=$(node "$ENTRY" --config /dev/null --version 2>&1) || die "code-server --version failed: $version_out"
log "  $(head -n1 <<<"$version_out")"
[[ $version_out == "$CODE_SERVER_VERSION"* ]] || die "unexpected version output: $version_out"

date -u +%FT%TZ >"$MARKER"
log "code-server $CODE_SERVER_VERSION installed in $INSTALL_DIR in $((SECONDS - start_s)) s"
echo "$ENTRY"
