#!/bin/sh
# Points frontend-maven-plugin's install directory at the Node and npm installed on this machine,
# so that the plugin never downloads Node. Usage: link-installed-node.sh <install-dir>/node
set -eu
target="$1"
node_bin=$(command -v node) || { echo "Node.js 20+ must be installed (node not on PATH)" >&2; exit 1; }
npm_bin=$(command -v npm) || { echo "npm must be installed (npm not on PATH)" >&2; exit 1; }
npm_dir=$(cd "$(dirname "$(readlink -f "$npm_bin")")/.." && pwd)
mkdir -p "$target/node_modules"
ln -sfn "$(readlink -f "$node_bin")" "$target/node"
ln -sfn "$npm_dir" "$target/node_modules/npm"
