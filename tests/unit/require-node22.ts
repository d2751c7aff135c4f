// better-sqlite3 13 crashes (segfault) under Node 20: stop with a sentence instead.
const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(`Chapter Ledger's tests need Node 22.12+, this is ${process.version}. Run: source .ci/use-node22.sh`);
}
