#!/bin/sh
# Makes the scanned fixtures the way a copier makes them, from the golden corpus PDFs and the real reports
# in corpus/real/corpus-real: pages rendered at 150-300 dpi in grey, turned slightly (and one page upside
# down), blurred a little, low contrast, noise, saved as JPEG, put back into image-only PDFs (img2pdf).
# Also bare images: one report as a multi-page TIFF, one page as PNG and as JPG.
# Needs pdftoppm (poppler), ImageMagick's convert, img2pdf. Deterministic: fixed seeds.
# Usage: corpus/scans/make-scans.sh   (from anywhere; rewrites corpus/scans/documents and real)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
corpus=$(dirname "$here")
convert=/usr/bin/convert
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$here/documents" "$here/real" "$here/images"

# copy <in.png> <out.jpg> <angle> <seed> <contrast%>: a grey page as a copier leaves it
copy() {
  "$convert" "$1" -seed "$4" -background white -rotate "$3" +repage \
    -blur 0x0.6 -level 0%,100%,1.0 +level "$5"%,96% \
    -attenuate 0.2 +noise Gaussian -colorspace Gray -quality 40 "$2"
}

# scan <pdf> <dpi> <out.pdf> <seed> [upside-down page]
scan() {
  name=$(basename "$1" .pdf)
  rm -f "$tmp"/p-*.png "$tmp"/p-*.png.jpg
  pdftoppm -r "$2" -gray -png "$1" "$tmp/p"
  i=0
  for p in "$tmp"/p-*.png; do
    i=$((i + 1))
    # a slight skew, different on every page (-1.5..+1.5 degrees)
    angle=$(awk -v s="$4" -v i="$i" 'BEGIN { srand(s * 31 + i); printf "%.2f", (rand() * 3) - 1.5 }')
    if [ "${5:-0}" = "$i" ]; then
      angle=$(awk -v a="$angle" 'BEGIN { printf "%.2f", a + 180 }')
    fi
    copy "$p" "$p.jpg" "$angle" "$(($4 + i))" 18
  done
  img2pdf --pagesize A4 "$tmp"/p-*.png.jpg -o "$3"
  echo "$3: $(du -k "$3" | cut -f1) KB"
}

seed=1
for pdf in "$corpus"/documents/pdf-*.pdf; do
  name=$(basename "$pdf" .pdf)
  case "$name" in
    pdf-2021-split) dpi=300; flip=2 ;;
    pdf-2019-caption-foot) dpi=150; flip=0 ;;
    *) dpi=200; flip=0 ;;
  esac
  scan "$pdf" "$dpi" "$here/documents/$name-scan.pdf" "$seed" "$flip"
  seed=$((seed + 1))
done

for pdf in "$corpus"/real/corpus-real/*.pdf; do
  name=$(basename "$pdf" .pdf)
  scan "$pdf" 200 "$here/real/$name-scan.pdf" "$seed" 0
  seed=$((seed + 1))
done

# bare images: a whole report as a multi-page TIFF (bilevel, as fax-like scanners store them) ...
rm -f "$tmp"/p-*
pdftoppm -r 200 -gray -png "$corpus/documents/pdf-2021-units-split.pdf" "$tmp/p"
for p in "$tmp"/p-*.png; do
  "$convert" "$p" -seed 7 -background white -rotate 0.8 +repage -attenuate 0.2 +noise Gaussian \
    -threshold 60% "$p.tif"
done
"$convert" "$tmp"/p-*.png.tif -compress Group4 "$here/images/pdf-2021-units-split-scan.tiff"
# ... and one page as PNG (16 greys) and as JPG
rm -f "$tmp"/p-*
pdftoppm -r 200 -gray -png -f 2 -l 2 "$corpus/documents/pdf-2019-split-header.pdf" "$tmp/q"
"$convert" "$tmp"/q-*.png -colorspace Gray -colors 16 "$here/images/pdf-2019-split-header-p2-scan.png"
copy "$tmp"/q-*.png "$here/images/pdf-2019-split-header-p2-scan.jpg" -0.7 11 15
ls -la "$here/images"
