#!/usr/bin/env bash
# Idempotent setup for a Debian machine: system packages (when root), npm ci, compile.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium-headless-shell: the browser that prints (keydata also finds a full chromium, whose
# own headless mode is slower); fontconfig: the tests read what fonts that browser is given;
# poppler-utils/qpdf: read PDFs back in tests;
# ghostscript: converts the print variant to CMYK, with the CMYK profile libgs-common ships;
# the -dev packages build node-canvas (chartjs-node-canvas), which has no prebuilt binary here.
packages=(
  chromium-headless-shell fontconfig poppler-utils qpdf
  ghostscript libgs-common
  build-essential pkg-config python3
  libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: not a Debian system; install the equivalents of: ${missing[*]}" >&2
  elif [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "setup: missing Debian packages. Run as root, then re-run this script:" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund
npm run build
