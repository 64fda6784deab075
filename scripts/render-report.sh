#!/usr/bin/env bash
# Renders the first pages of a consolidated report draft (.docx) to PNG, to look at its layout:
#   ./scripts/render-report.sh [file.docx] [pages] [dpi]
# Without a file it writes the sample draft first (ConsolidatedDocxTest) and renders
# target/documents/bao-cao-tong-hop-mau.docx. Pictures: target/documents/<name>-<page>.png.
# Needs LibreOffice (soffice) and poppler's pdftoppm; installed with apt-get when run as root.
# Times New Roman is drawn with Liberation Serif when it is not installed (same metrics).
set -euo pipefail
cd "$(dirname "$0")/.."

docx="${1:-}"
pages="${2:-2}"
dpi="${3:-100}"

if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation >/dev/null
  else
    echo "Missing LibreOffice or pdftoppm (Debian: apt-get install libreoffice-writer-nogui" \
      "poppler-utils fonts-liberation)." >&2
    exit 1
  fi
fi

if [ -z "$docx" ]; then
  ./mvnw -B -q test -Dtest=ConsolidatedDocxTest -Dbpmnlint.skip=true
  docx=target/documents/bao-cao-tong-hop-mau.docx
fi
[ -f "$docx" ] || { echo "No such file: $docx" >&2; exit 1; }

out=target/documents
mkdir -p "$out"
name="$(basename "${docx%.docx}")"
# a profile of its own, so that a running LibreOffice does not get in the way
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" \
  "$docx" >/dev/null
pdftoppm -png -r "$dpi" -f 1 -l "$pages" "$out/$name.pdf" "$out/$name"
ls "$out/$name"-*.png
