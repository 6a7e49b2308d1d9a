#!/usr/bin/env bash
# Install the system packages sopdoc's documents need, when they are missing:
# LibreOffice Writer (DOCX -> PDF, rendering), poppler-utils (pdftoppm) and the
# metric-compatible Liberation fonts (Arial/Times New Roman metrics), and Debian's
# Chromium (/usr/bin/chromium), the real browser the site's tests drive through
# Playwright (never `playwright install`: no browser is downloaded).
set -euo pipefail
missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# (no grep -q: it closes the pipe early and pipefail would call that a failure)
fc-list 2>/dev/null | grep -i "Liberation Sans" >/dev/null || missing+=(fonts-liberation)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "sopdoc: installing system packages: ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "sopdoc: need root to install ${missing[*]}; run: apt-get install ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "sopdoc: no apt-get here; install LibreOffice Writer, poppler-utils and the Liberation fonts with your package manager" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
