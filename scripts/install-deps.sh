#!/usr/bin/env bash
# Installs the Debian packages the tests and notebooks use, when missing (needs root or sudo).
set -euo pipefail
packages=(python3-nbformat jupyter-nbconvert python3-nbclient python3-jupyter-client dataset-fashion-mnist bubblewrap)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
