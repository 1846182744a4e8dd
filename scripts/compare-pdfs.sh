#!/usr/bin/env bash
# Compare two folders of built PDFs by what a reader sees: extracted text and rendered pages.
# The document ID hashes keydata's code by design, so byte comparison says nothing after a
# refactor; this does. Usage: scripts/compare-pdfs.sh OLD_DIR NEW_DIR  (exit 1 on any difference)
set -euo pipefail
old=$1 new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
while IFS= read -r -d '' f; do
  rel=${f#"$old"/}
  if [ ! -f "$new/$rel" ]; then echo "missing: $rel"; status=1; continue; fi
  if ! diff <(pdftotext -layout "$f" -) <(pdftotext -layout "$new/$rel" -) >"$work/text.diff"; then
    echo "text differs: $rel"; head -20 "$work/text.diff"; status=1
  fi
  rm -f "$work"/a-* "$work"/b-*
  pdftoppm -png -r 50 "$f" "$work/a"
  pdftoppm -png -r 50 "$new/$rel" "$work/b"
  for a in "$work"/a-*.png; do
    b="$work/b-${a##*/a-}"
    if [ ! -f "$b" ] || ! cmp -s "$a" "$b"; then echo "page differs: $rel ${a##*/a-}"; status=1; fi
  done
  [ "$(ls "$work"/a-*.png | wc -l)" = "$(ls "$work"/b-*.png | wc -l)" ] || { echo "page count differs: $rel"; status=1; }
done < <(find "$old" -name '*.pdf' -print0)
[ $status = 0 ] && echo "same text and pages: every PDF under $old"
exit $status
