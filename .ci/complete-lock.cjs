// Run after any `npm install` that changes package-lock.json: `node .ci/complete-lock.cjs`.
// The npm registry reachable here serves only the linux-gnu builds of @napi-rs/canvas (pdfjs-dist's optional
// canvas, used by the tests that read PDFs back), so `npm install` writes a lock without the other platforms'
// entries and `npm ci` then refuses the lock as out of sync. This adds those entries (os/cpu/libc only, so
// npm skips them on this machine and fetches them by name on a Mac or Windows computer).
const fs = require('fs');
const file = require('path').join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const canvasKey = 'node_modules/@napi-rs/canvas';
const canvas = lock.packages[canvasKey];
if (!canvas) process.exit(0);
const platforms = {
  'android-arm64': ['android', 'arm64'], 'darwin-arm64': ['darwin', 'arm64'], 'darwin-x64': ['darwin', 'x64'],
  'linux-arm-gnueabihf': ['linux', 'arm', 'glibc'], 'linux-arm64-gnu': ['linux', 'arm64', 'glibc'],
  'linux-arm64-musl': ['linux', 'arm64', 'musl'], 'linux-riscv64-gnu': ['linux', 'riscv64', 'glibc'],
  'linux-x64-gnu': ['linux', 'x64', 'glibc'], 'linux-x64-musl': ['linux', 'x64', 'musl'],
  'win32-arm64-msvc': ['win32', 'arm64'], 'win32-x64-msvc': ['win32', 'x64'],
};
const packages = {};
let added = 0;
for (const [key, value] of Object.entries(lock.packages)) {
  packages[key] = value;
  if (key !== canvasKey) continue;
  for (const name of Object.keys(canvas.optionalDependencies ?? {})) {
    const suffix = name.replace('@napi-rs/canvas-', '');
    const entryKey = `node_modules/${name}`;
    if (lock.packages[entryKey] || !platforms[suffix]) continue;
    const [os, cpu, libc] = platforms[suffix];
    packages[entryKey] = {
      version: canvas.optionalDependencies[name], cpu: [cpu], dev: canvas.dev, ...(libc ? { libc: [libc] } : {}),
      license: 'MIT', optional: true, os: [os], engines: { node: '>= 10' },
    };
    added += 1;
  }
}
lock.packages = packages;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lock: ${added} platform entries added`);
