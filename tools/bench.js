#!/usr/bin/env node
/**
 * `npm run bench -- <name>`: builds the workspace into a private folder (tmp/bench-dist, so the
 * shared dist/ is left alone) and runs bench/<name>.bench.ts from that build. Benchmarks print
 * their figures and write bench/results/<name>.json; they are never part of `npm test`.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const name = process.argv[2];
const available = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>   (one of: ${available.join(', ') || 'none'})`);
  process.exit(2);
}

const dist = path.join('tmp', 'bench-dist');
const build = spawnSync(process.execPath, ['tools/build.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BATON_DIST: dist },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const run = spawnSync(process.execPath, [path.join(root, dist, 'bench', `${name}.bench.js`), ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, BATON_DIST: dist },
});
process.exit(run.status ?? 1);
