#!/usr/bin/env node
/**
 * `npm test`: every gate in order, stopping at the first failure — proto lint and freshness, lint
 * (with Nx module boundaries), types, Kubernetes manifests, OpenAPI, then the unit, integration and
 * end-to-end Jest suites. Ends with a summary and, alone on the last line, `N passed, N failed`
 * (`, N skipped` when some were) summed over every Jest suite that ran.
 *
 * Options: --only=<id,...> runs just those steps; --skip=<id,...> leaves those out. Step ids:
 * buf-lint, proto-check, nx-graph, eslint, tsc, k8s, openapi, unit, int, build, e2e.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const tmp = path.join(root, 'tmp');
const node = process.execPath;

const jestStep = (id, name, config, extra = []) => ({
  id,
  name,
  command: bin('jest'),
  args: ['-c', config, ...extra, '--json', `--outputFile=${path.join(tmp, `jest-${id}.json`)}`],
  jest: id,
});

const steps = [
  { id: 'buf-lint', name: 'buf lint', command: bin('buf'), args: ['lint'], cwd: path.join(root, 'proto') },
  { id: 'proto-check', name: 'generated contracts up to date', command: node, args: ['tools/proto-gen.js', '--check'] },
  { id: 'nx-graph', name: 'nx project graph (for module-boundary lint)', command: bin('nx'), args: ['show', 'projects'], quiet: true },
  { id: 'eslint', name: 'eslint', command: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { id: 'tsc', name: 'typecheck', command: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'] },
  { id: 'k8s', name: 'kubernetes manifests', command: node, args: ['tools/k8s-validate.js'] },
  {
    id: 'openapi',
    name: 'OpenAPI lint',
    command: node,
    args: ['tools/openapi-lint.js'],
    when: () => fs.existsSync(path.join(root, 'tools', 'openapi-lint.js')),
  },
  jestStep('unit', 'unit tests', 'jest.unit.config.js'),
  jestStep('int', 'integration tests', 'jest.int.config.js', ['--runInBand']),
  { id: 'build', name: 'build', command: node, args: ['tools/build.js'] },
  jestStep('e2e', 'end-to-end tests', 'jest.e2e.config.js', ['--runInBand']),
];

function listOption(name) {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  const ids = arg.slice(name.length + 3).split(',').filter(Boolean);
  const unknown = ids.filter((id) => !steps.some((s) => s.id === id));
  if (unknown.length > 0) {
    console.error(`unknown step(s) in --${name}: ${unknown.join(', ')}; known: ${steps.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  return ids;
}

function readJestTotals(step) {
  const file = path.join(tmp, `jest-${step.jest}.json`);
  if (!fs.existsSync(file)) return undefined;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

function main() {
  const only = listOption('only');
  const skip = listOption('skip') ?? [];
  const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' };
  fs.mkdirSync(tmp, { recursive: true });

  const results = [];
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let failedStep;
  const started = Date.now();

  for (const step of steps) {
    if ((only && !only.includes(step.id)) || skip.includes(step.id)) continue;
    if (step.when && !step.when()) {
      results.push({ step, status: 'skipped (not present)', ms: 0 });
      continue;
    }
    if (step.jest) fs.rmSync(path.join(tmp, `jest-${step.jest}.json`), { force: true });
    console.log(`\n=== ${step.name} ===`);
    const stepStarted = Date.now();
    const run = spawnSync(step.command, step.args, {
      cwd: step.cwd ?? root,
      env,
      stdio: step.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    });
    const ms = Date.now() - stepStarted;
    const ok = run.status === 0;
    let detail = '';
    if (step.jest) {
      const counts = readJestTotals(step);
      if (counts) {
        totals.passed += counts.passed;
        totals.failed += counts.failed;
        totals.skipped += counts.skipped;
        detail = ` — ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
      }
    }
    const status = ok ? 'ok' : `FAILED (${run.error ? run.error.message : `exit ${run.status ?? run.signal}`})`;
    console.log(`=== ${step.name}: ${status} in ${seconds(ms)}${detail} ===`);
    results.push({ step, status, ms, detail });
    if (!ok) {
      failedStep = step;
      break;
    }
  }

  console.log('\nSummary');
  for (const { step, status, ms, detail } of results) {
    console.log(`  ${step.name.padEnd(45)} ${status.padEnd(22)} ${seconds(ms).padStart(7)}${detail ?? ''}`);
  }
  console.log(`  total ${seconds(Date.now() - started)}${failedStep ? `; stopped at "${failedStep.name}"` : ''}`);
  const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
  console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(failedStep ? 1 : 0);
}

main();
