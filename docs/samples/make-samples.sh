#!/bin/sh
# Rebuilds the sample exports from the demo commune (docs/samples/), and, when LibreOffice and poppler
# are installed, a PDF of each and a picture of the report's first page, to look at as an official would.
set -e
cd "$(dirname "$0")/../.."
out=docs/samples
dotnet run --project src/LifelongLearning.Bot -- export --demo --year 2025 --out "$out"
dotnet run --no-build --project src/LifelongLearning.Bot -- export --demo --from 2023 --to 2025 --out "$out"
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  soffice --headless --convert-to pdf --outdir "$out" "$out"/bao-cao-*.docx "$out"/tong-hop-*.xlsx >/dev/null
  for name in bao-cao-2025 bao-cao-2023-2025; do
    pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$out/$name.pdf" "$out/$name-trang-1"
  done
fi
