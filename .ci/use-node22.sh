# Source this file: puts Node 22 on PATH when the machine's node is older than 22.12.
# A machine that already has Node 22.12+ is left alone. The binary comes from the npm
# registry's `node` package (it ships the official build), cached under ~/.cache.
_cl_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _cl_node_ok; then
  _cl_dir="${CHAPTER_LEDGER_NODE_DIR:-$HOME/.cache/chapter-ledger/node22}"
  if [ ! -x "$_cl_dir/node_modules/node/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo 'none') is older than 22.12: fetching Node 22 from the npm registry into $_cl_dir" >&2
    mkdir -p "$_cl_dir"
    npm install --prefix "$_cl_dir" --no-save --no-package-lock --no-audit --no-fund --engine-strict=false node@22 >&2
  fi
  export PATH="$_cl_dir/node_modules/node/bin:$PATH"
  hash -r
fi
_cl_node_ok || { echo "Could not provide Node 22.12+ (have $(node --version 2>/dev/null))." >&2; return 1 2>/dev/null || exit 1; }
unset -f _cl_node_ok
