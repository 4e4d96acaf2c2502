import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Module boundaries: apps compose service libraries; a service library never imports another
 *  service's library; shared libraries never import service libraries; libs/domain is framework-free. */
function boundaries(inTests) {
  const extra = inTests ? ['type:testing'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:service', 'type:shared', 'type:domain', ...extra] },
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:shared', 'type:domain', ...extra] },
      { sourceTag: 'type:shared', onlyDependOnLibsWithTags: ['type:shared', 'type:domain', ...extra] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:shared', 'type:domain'] },
      {
        sourceTag: 'type:domain',
        onlyDependOnLibsWithTags: ['type:domain'],
        bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', '@nats-io/*', '@grpc/*', 'express', 'rxjs'],
      },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },
      { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:shared'] },
      { sourceTag: 'scope:fulfillment', onlyDependOnLibsWithTags: ['scope:fulfillment', 'scope:shared'] },
      { sourceTag: 'scope:returns', onlyDependOnLibsWithTags: ['scope:returns', 'scope:shared'] },
      { sourceTag: 'scope:tracking', onlyDependOnLibsWithTags: ['scope:tracking', 'scope:shared'] },
      { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
      { sourceTag: 'scope:standalone', onlyDependOnLibsWithTags: ['*'] },
    ],
  };
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'libs/contracts/src/generated/**', '.nx/**', 'tmp/**', 'bench/results/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
    },
  },
  {
    // Tests may also use the shared test harness.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'tests/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'tools/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
];
