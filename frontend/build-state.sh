#!/bin/sh
# Lets the build skip an unchanged frontend (issue 26): `npm ci` only when package-lock.json,
# package.json or Node changed since node_modules was installed, and lint, format check and the
# Vite build only when a file of the frontend changed since the last build.
#   build-state.sh check <target-dir> <skip.npm>   writes <target-dir>/frontend-state.properties
#   build-state.sh record <target-dir>             after a successful build: remembers its inputs
# The markers are node_modules/.sportello-install.sha256 and <target-dir>/frontend-build.sha256;
# delete them (or node_modules, or run `mvn clean`) to force the steps.
set -eu
cd "$(dirname "$0")"
action="$1"
target="$2"
install_marker=node_modules/.sportello-install.sha256
build_marker="$target/frontend-build.sha256"

install_inputs() {
  { node --version; cat package.json package-lock.json; } | sha256sum | cut -d' ' -f1
}

build_inputs() {
  { install_inputs
    find . -type f -not -path './node_modules/*' -not -path './target/*' \
      -not -path './src/openapi.d.ts' -print | LC_ALL=C sort | xargs -d '\n' sha256sum
  } | sha256sum | cut -d' ' -f1
}

case "$action" in
  check)
    mkdir -p "$target"
    skip_install=false
    skip_build=false
    case "${3:-}" in
      true | '') skip_install=true; skip_build=true ;;
    esac
    if [ -f "$install_marker" ] && [ "$(cat "$install_marker")" = "$(install_inputs)" ]; then
      skip_install=true
    fi
    if [ -f "$build_marker" ] && [ -f "$target/classes/static/index.html" ] \
      && [ "$(cat "$build_marker")" = "$(build_inputs)" ]; then
      skip_build=true
    fi
    printf 'frontend.skip.install=%s\nfrontend.skip.build=%s\n' "$skip_install" "$skip_build" \
      > "$target/frontend-state.properties"
    [ "$skip_install" = true ] && echo "frontend: node_modules is current, npm ci skipped"
    [ "$skip_build" = true ] && echo "frontend: unchanged since the last build, lint and build skipped"
    true
    ;;
  record)
    if [ -d node_modules ]; then install_inputs > "$install_marker"; fi
    if [ -f "$target/classes/static/index.html" ]; then build_inputs > "$build_marker"; fi
    ;;
  *)
    echo "usage: build-state.sh check|record <target-dir> [skip.npm]" >&2
    exit 2
    ;;
esac
