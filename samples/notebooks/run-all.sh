#!/usr/bin/env bash
# Runs every notebook headless (dotnet-repl) against the package in the notebook feed and checks each executed copy:
# no error output, at least one inline chart (an image/png output) and no library loaded from a build path.
# Usage: samples/notebooks/run-all.sh OUTPUT_FOLDER   (build the feed first: samples/notebooks/build-feed.sh)
# Prints per notebook its image and HTML-table counts; exits non-zero if any notebook fails.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: run-all.sh OUTPUT_FOLDER}
mkdir -p "$out"
out=$(cd "$out" && pwd)
status=0
for notebook in "$here"/*.ipynb; do
  name=$(basename "$notebook")
  echo "--- $name"
  # dotnet-repl exits non-zero when a cell fails; the executed copy keeps every output for inspection.
  (cd "$here" && dotnet dotnet-repl --run "$name" --exit-after-run --output-path "$out/$name") >"$out/$name.log" 2>&1
  code=$?
  python3 "$here/check-notebook.py" "$notebook" "$out/$name" || status=1
  if [ "$code" -ne 0 ]; then
    echo "FAILED: $name: dotnet-repl exited with $code"; tail -n 40 "$out/$name.log"; status=1
  fi
done
exit $status
