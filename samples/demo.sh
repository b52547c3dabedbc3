#!/usr/bin/env bash
# Builds ganscan, fetches the demo batch and scans it. Needs JDK 17, Maven and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
samples/fetch.sh
mvn -B -q package -DskipTests
out="$root/target/samples-results.jsonl"
java -jar target/ganscan.jar scan samples/cache --out "$out"
echo "ganscan demo: one JSON record per sample image in $out"
