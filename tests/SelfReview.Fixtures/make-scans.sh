#!/usr/bin/env bash
# Makes the PDF and scan fixtures of a statement from its text:
#   bash tests/SelfReview.Fixtures/make-scans.sh [seeds/000_2b906ff47b59dcbb.txt]
# writes, beside the text:
#   NNN.text.pdf   the statement printed to PDF by LibreOffice (a text layer, as Word's "save as PDF" makes)
#   NNN.scan.pdf   a clean office scan: every page at 300 dpi, black and white, CCITT G4 in a PDF
#   NNN.scan.tif   the same pages as one multi-page G4 TIFF, as fax-style scanners write them
#   NNN.page1.png  the first page alone, 200 dpi, 16 grey levels
#   NNN.phone.jpg  all pages as one long phone capture (the "长图" a scanning app exports): 140 dpi,
#                  tinted paper with uneven light, turned by 1.5°, sensor noise, lens blur, JPEG quality 45
# The PDFs carry their creation time, so a rerun changes their bytes (and statement ids), not their content.
# Only needed to regenerate the committed files, never by the tests or CI. Tools (Debian packages):
#   apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils imagemagick img2pdf
set -euo pipefail
cd "$(dirname "$0")/../.."

text=${1:-seeds/000_2b906ff47b59dcbb.txt}
stem=${text%.txt}
for tool in soffice pdftoppm convert img2pdf dotnet; do
  command -v "$tool" >/dev/null || { echo "make-scans: '$tool' is missing (see the header of $0)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. The statement laid out for print (小四 宋体, first lines indented), then LibreOffice's PDF export.
dotnet run --project tests/SelfReview.Fixtures -- print "$text" "$work/statement.docx" >/dev/null
# A private profile: a running LibreOffice of the user's (or a stale lock) must not swallow the conversion.
soffice -env:UserInstallation=file://"$work"/profile --headless --convert-to pdf --outdir "$work" "$work/statement.docx" >/dev/null 2>&1
cp "$work/statement.pdf" "$stem.text.pdf"

# 2. The clean scan: 300 dpi grey, thresholded to black and white, G4-compressed, one image per page.
pdftoppm -r 300 -gray -png "$work/statement.pdf" "$work/s300"
for page in "$work"/s300-*.png; do
  convert "$page" -threshold 55% -type bilevel -compress Group4 "${page%.png}.tif"
done
img2pdf --output "$stem.scan.pdf" "$work"/s300-*.tif
convert "$work"/s300-*.tif -compress Group4 -density 300 -units PixelsPerInch "$stem.scan.tif"

# 3. The first page as a PNG.
pdftoppm -r 200 -gray -png -f 1 -l 1 "$work/statement.pdf" "$work/p1"
convert "$work"/p1-*.png -strip -depth 4 "$stem.page1.png"

# 4. The phone capture: pages stacked, then paper tint and light falloff, rotation, noise, blur, JPEG.
pdftoppm -r 200 -gray -png "$work/statement.pdf" "$work/p200"
convert "$work"/p200-*.png -append -resize 70% -colorspace sRGB \
  \( +clone -sparse-color Barycentric '0,0 rgb(235,228,210) %w,%h rgb(185,180,168)' \) -compose Multiply -composite \
  -background 'rgb(120,115,105)' -rotate 1.5 \
  -seed 20240105 -attenuate 0.6 +noise Gaussian -blur 0x1.1 \
  -quality 45 -sampling-factor 4:2:0 -strip "$stem.phone.jpg"

ls -l "$stem".text.pdf "$stem".scan.pdf "$stem".scan.tif "$stem".page1.png "$stem".phone.jpg
