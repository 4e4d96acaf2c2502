#!/usr/bin/env node
/**
 * Generates the TypeScript contracts in libs/contracts/src/generated from proto/ with ts-proto
 * (NestJS output), driven by buf. With --check, generates into a scratch folder and fails when
 * the committed code differs, so stale contracts cannot land.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const protoDir = path.join(root, 'proto');
const target = path.join(root, 'libs/contracts/src/generated');
const check = process.argv.includes('--check');
const buf = path.join(root, 'node_modules/.bin/buf');

function generate(outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const template = fs
    .readFileSync(path.join(protoDir, 'buf.gen.yaml'), 'utf8')
    .replace('../libs/contracts/src/generated', outDir)
    .replace('../node_modules/.bin/protoc-gen-ts_proto', path.join(root, 'node_modules/.bin/protoc-gen-ts_proto'));
  const templateFile = path.join(os.tmpdir(), `baton-buf-gen-${process.pid}.yaml`);
  fs.writeFileSync(templateFile, template);
  try {
    execFileSync(buf, ['generate', '--template', templateFile], { cwd: protoDir, stdio: 'inherit' });
  } finally {
    fs.rmSync(templateFile, { force: true });
  }
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

if (!check) {
  generate(target);
  console.log(`contracts generated in ${path.relative(root, target)}`);
  process.exit(0);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-contracts-'));
try {
  generate(scratch);
  const expected = listFiles(scratch);
  const actual = listFiles(target);
  const stale = [];
  for (const file of new Set([...expected, ...actual])) {
    const a = path.join(scratch, file);
    const b = path.join(target, file);
    if (!fs.existsSync(a) || !fs.existsSync(b) || fs.readFileSync(a, 'utf8') !== fs.readFileSync(b, 'utf8')) {
      stale.push(file);
    }
  }
  if (stale.length > 0) {
    console.error(`Generated contracts are stale (run \`npm run proto\`): ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('generated contracts are up to date');
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
