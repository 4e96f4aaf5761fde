#!/bin/sh
# Rebuilds the sample exports from the demo commune (docs/samples/) and, when LibreOffice and poppler are
# installed, a picture of each report's first page, to look at as an official would. The PDFs (all pages)
# are left in a temporary folder, printed at the end.
set -e
cd "$(dirname "$0")/../.."
out=docs/samples
dotnet run --project src/LifelongLearning.Bot -- export --demo --year 2025 --out "$out"
dotnet run --no-build --project src/LifelongLearning.Bot -- export --demo --from 2023 --to 2025 --out "$out"
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  pdf=$(mktemp -d)
  soffice --headless --convert-to pdf --outdir "$pdf" "$out"/bao-cao-*.docx "$out"/tong-hop-*.xlsx >/dev/null 2>&1
  for name in bao-cao-2025 bao-cao-2023-2025; do
    pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$pdf/$name.pdf" "$out/$name-trang-1"
  done
  echo "PDF: $pdf"
fi
