#!/usr/bin/env bash
# Installs the Debian packages the full test suite needs on a fresh machine:
# real CNI plugins and iproute2 (sandbox and plugin-agreement tests), Chromium (end-to-end tests),
# the native build tools code-server's install needs, and openssl (throwaway certificates of the local
# test clusters). Safe to run again.
set -euo pipefail
packages=(containernetworking-plugins iproute2 chromium ripgrep libkrb5-dev build-essential pkg-config python3 openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all Debian packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then exec sudo "$0" "$@"; fi
  echo "setup-system: run as root to install: ${missing[*]}" >&2
  exit 1
fi
echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
