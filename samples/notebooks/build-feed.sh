#!/usr/bin/env bash
# Packs SocialSecurity.Modeling into the notebooks' local package feed, artifacts/notebook-feed/, with a version of its
# own (the library's version + "-local.<UTC time>"), so that a notebook never loads a copy of an earlier build that
# NuGet cached under the same version. Writes artifacts/notebook-feed/package.dib, which the notebooks' first cell
# imports (#!import): it adds the feed as a package source (#i, by absolute path: #i takes no relative path) and
# references exactly the version just packed (#r "nuget: SocialSecurity.Modeling, <version>"); and version.txt,
# against which the first cell checks the assembly it loaded.
# Usage: samples/notebooks/build-feed.sh [--no-build]   (--no-build: pack the Release build already in artifacts/)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
feed="$root/artifacts/notebook-feed"
project="$root/src/SocialSecurity.Modeling"
build_flag=()
[ "${1:-}" = "--no-build" ] && build_flag=(--no-build)
base=$(dotnet msbuild "$project" -getProperty:Version -p:Configuration=Release)
# Alphanumeric prerelease label of fixed width: later builds sort higher (SemVer compares it as text).
version="$base-local.t$(date -u +%Y%m%d%H%M%S)"
rm -rf "$feed"
mkdir -p "$feed"
dotnet pack "$project" -c Release "${build_flag[@]}" -o "$feed" -p:PackageVersion="$version" >"$feed/pack.log" 2>&1 \
  || { cat "$feed/pack.log"; echo "build-feed: dotnet pack failed" >&2; exit 1; }
rm -f "$feed"/*.snupkg
[ -f "$feed/SocialSecurity.Modeling.$version.nupkg" ] || { echo "build-feed: no package $version in $feed" >&2; exit 1; }
echo "$version" >"$feed/version.txt"
cat >"$feed/package.dib" <<DIB
#!csharp

#i "nuget: $feed"
#r "nuget: SocialSecurity.Modeling, $version"
DIB
echo "notebook feed: $feed (SocialSecurity.Modeling $version)"
