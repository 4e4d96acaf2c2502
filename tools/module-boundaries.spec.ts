import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Lints `source` as if it were the file at `path`, with the workspace's real ESLint config. */
function lint(path: string, source: string): string {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path, '--format', 'json'],
    { cwd: ROOT, input: source, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return report.messages
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message)
    .join('\n');
}

describe('module boundaries', () => {
  it("refuses a service library importing another service's library", () => {
    const messages = lint('libs/orders/src/probe.ts', "import { InventoryModule } from '@baton/inventory';\nexport const x = InventoryModule;\n");
    expect(messages).toMatch(/type:service/);
  });

  it('refuses a framework import in libs/domain', () => {
    const messages = lint('libs/domain/src/probe.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(messages).toMatch(/not allowed to import "@nestjs\/common"/);
  });

  it('refuses a shared library importing a service library', () => {
    const messages = lint('libs/platform/src/probe.ts', "import { InventoryModule } from '@baton/inventory';\nexport const x = InventoryModule;\n");
    expect(messages).not.toBe('');
  });

  it('allows a service library to import shared libraries', () => {
    const messages = lint('libs/orders/src/probe.ts', "import { requireTenant } from '@baton/platform';\nexport const x = requireTenant;\n");
    expect(messages).toBe('');
  });
});
