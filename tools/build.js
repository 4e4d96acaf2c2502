#!/usr/bin/env node
/**
 * Builds every app and library into dist/ with tsc (incremental), copies proto/ beside it and
 * makes `@baton/<lib>` resolvable at run time through dist/node_modules shims, so that
 * `node dist/apps/<app>/src/main.js` runs with no loader or path-mapping hook. The test harness
 * (libs/testing) must never reach a production build.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// BATON_DIST builds into another folder (e.g. a private copy for one engineer's e2e runs).
const dist = path.resolve(root, process.env.BATON_DIST || 'dist');
const TEST_ONLY_LIBS = ['testing'];

function compile() {
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  const args = ['-p', 'tsconfig.build.json', '--outDir', dist, '--tsBuildInfoFile', path.join(dist, '.tsbuildinfo')];
  const result = spawnSync(tsc, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`tsc -p tsconfig.build.json failed (exit ${result.status ?? result.signal})`);
  }
}

function copyProto() {
  const target = path.join(dist, 'proto');
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'proto'), target, { recursive: true });
}

/** `@baton/<lib>` → dist/libs/<lib>/src/index.js, for every alias in tsconfig.base.json that was built. */
function writeLibraryShims() {
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const written = [];
  for (const [alias, [source]] of Object.entries(compilerOptions.paths)) {
    const lib = alias.replace(/^@baton\//, '');
    if (TEST_ONLY_LIBS.includes(lib)) continue;
    const entry = path.join(dist, source.replace(/^\.\//, '').replace(/\.ts$/, '.js'));
    if (!fs.existsSync(entry)) {
      throw new Error(`${alias}: ${path.relative(root, entry)} was not built`);
    }
    const shimDir = path.join(dist, 'node_modules', alias);
    fs.mkdirSync(shimDir, { recursive: true });
    const main = path.relative(shimDir, entry).split(path.sep).join('/');
    fs.writeFileSync(
      path.join(shimDir, 'package.json'),
      `${JSON.stringify({ name: alias, private: true, main }, null, 2)}\n`,
    );
    written.push(alias);
  }
  return written;
}

function assertNoTestCode() {
  for (const lib of TEST_ONLY_LIBS) {
    const built = path.join(dist, 'libs', lib);
    if (fs.existsSync(built)) {
      throw new Error(
        `dist/libs/${lib} exists: production code imports @baton/${lib} (a test-only library). Remove that import.`,
      );
    }
    fs.rmSync(path.join(dist, 'node_modules', '@baton', lib), { recursive: true, force: true });
  }
}

function main() {
  const started = Date.now();
  for (const lib of TEST_ONLY_LIBS) {
    fs.rmSync(path.join(dist, 'libs', lib), { recursive: true, force: true });
  }
  compile();
  assertNoTestCode();
  copyProto();
  const shims = writeLibraryShims();
  console.log(`build: dist/ ready in ${((Date.now() - started) / 1000).toFixed(1)}s (${shims.join(', ')})`);
}

try {
  main();
} catch (err) {
  console.error(`build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
