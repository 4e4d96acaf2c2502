#!/usr/bin/env node
/**
 * Lints the gateway's OpenAPI document. Builds the gateway Nest app in-process in preview mode (no
 * database, no gRPC, no port: only the controllers' metadata), generates the document exactly as
 * /openapi.json serves it, writes it to tmp/openapi.json, checks that every operation carries
 * examples (request body, every response body), then runs Redocly with the ruleset in redocly.yaml.
 * TypeScript sources are compiled on the fly with SWC, the same transform Jest uses, so no build
 * is needed.
 */
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const output = path.join(root, 'tmp', 'openapi.json');

function installTypeScriptHook() {
  const swc = require('@swc/core');
  const { compilerOptions } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (aliases.has(request)) return aliases.get(request);
    if (request.startsWith('.') && parent?.filename?.endsWith('.ts')) {
      for (const candidate of [`${request}.ts`, `${request}/index.ts`]) {
        const file = path.resolve(path.dirname(parent.filename), candidate);
        if (fs.existsSync(file)) return file;
      }
    }
    return resolve.call(this, request, parent, ...rest);
  };
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}

async function generate() {
  installTypeScriptHook();
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const gateway = require(path.join(root, 'libs/gateway/src/index.ts'));
  const { loadServiceConfig } = require(path.join(root, 'libs/platform/src/index.ts'));
  const config = loadServiceConfig('gateway', { DATABASE_URL: 'postgres://openapi@127.0.0.1:1/not_connected' });
  const module = gateway.GatewayModule.forRoot({ config, settings: gateway.loadGatewaySettings({}) });
  const app = await NestFactory.create(module, { preview: true, logger: false, abortOnError: false });
  try {
    return gateway.buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** Every operation must show what it takes and what it answers: an example on each body. */
function missingExamples(document) {
  const missing = [];
  const hasExample = (media) => media.example !== undefined || (media.examples && Object.keys(media.examples).length > 0);
  for (const [route, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      const where = `${method.toUpperCase()} ${route}`;
      for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
        if (!hasExample(media)) missing.push(`${where}: request body (${type})`);
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!hasExample(media)) missing.push(`${where}: response ${status} (${type})`);
        }
      }
    }
  }
  return missing;
}

async function main() {
  const document = await generate();
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  console.log(`wrote ${path.relative(root, output)}: OpenAPI ${document.openapi}, ${operations} operations`);
  const missing = missingExamples(document);
  if (missing.length > 0) {
    console.error(`Operations without examples (add example to @ApiProperty / @ApiBody / @ApiResponse):\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  const redocly = spawnSync(
    path.join(root, 'node_modules', '.bin', 'redocly'),
    ['lint', path.relative(root, output), '--config', 'redocly.yaml', '--format', 'stylish'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  );
  process.exit(redocly.status ?? 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
