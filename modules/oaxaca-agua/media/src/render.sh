#!/usr/bin/env bash
# Renders the figures' sources (one SVG per language, 464 units wide: the text width of an A4 page in
# points, no text under 8.5 units) into ../<name>.png at three times their size, with headless Chromium,
# then to 256 colours with pngquant. Run it after editing an SVG. Tequio never reads this folder.
set -euo pipefail
cd "$(dirname "$0")"
for svg in *.svg; do
  name=${svg%.svg}
  read -r w h < <(sed -n 's/.*viewBox="0 0 \([0-9.]*\) \([0-9.]*\)".*/\1 \2/p' "$svg" | head -1)
  page=$(mktemp --suffix=.html)
  printf '<!DOCTYPE html><style>html,body{margin:0}img{display:block}</style><img src="file://%s" width="%s" height="%s">' \
    "$PWD/$svg" "$w" "$h" >"$page"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=3 \
    --window-size="${w%.*},${h%.*}" --screenshot="/tmp/$name.png" "file://$page" 2>/dev/null
  pngquant --quality 70-95 --speed 1 --strip --force --output "../$name.png" "/tmp/$name.png"
  rm -f "$page" "/tmp/$name.png"
done
