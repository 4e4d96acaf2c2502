#!/usr/bin/env node
/**
 * Measures each app's resident memory after start: every service as its own process on the local
 * Postgres and NATS (like the e2e suite), then `standalone` with the in-process bus. Prints a
 * table; run after `npm run build` (or with BATON_DIST pointing at another build).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dist = path.resolve(root, process.env.BATON_DIST || 'dist');
const pg = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const nats = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const SERVICES = ['inventory', 'orders', 'fulfillment', 'returns', 'tracking', 'gateway'];

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
};

async function waitReady(url, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready`);
}

async function main() {
  const suffix = Date.now().toString(36);
  const ports = {};
  for (const s of SERVICES) ports[s] = { http: await freePort(), grpc: await freePort() };
  const children = [];
  const rows = [];
  try {
    for (const s of SERVICES) {
      const db = new URL(pg);
      db.pathname = `/t_rss_${s}_${suffix}`;
      const env = {
        PATH: process.env.PATH,
        DATABASE_URL: db.toString(),
        NATS_URL: nats,
        NATS_STREAM_PREFIX: `RSS_${suffix.toUpperCase()}`,
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(ports[s].http),
        GRPC_URL: `127.0.0.1:${ports[s].grpc}`,
        LOG_LEVEL: 'warn',
        GATEWAY_BOOTSTRAP_API_KEY: 'bk_measure_rss_key_0123456789',
      };
      for (const p of SERVICES) if (p !== 'gateway') env[`${p.toUpperCase()}_GRPC_URL`] = `127.0.0.1:${ports[p].grpc}`;
      const child = spawn(process.execPath, [path.join(dist, 'apps', s, 'src', 'main.js')], { env, stdio: 'ignore' });
      children.push(child);
      await waitReady(`http://127.0.0.1:${ports[s].http}/health/ready`, child);
    }
    await new Promise((r) => setTimeout(r, 2000));
    for (let i = 0; i < SERVICES.length; i++) rows.push([SERVICES[i], rssMb(children[i].pid)]);
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
  await new Promise((r) => setTimeout(r, 3000));
  const { Client } = require('pg');
  const client = new Client({ connectionString: pg });
  await client.connect();
  for (const s of SERVICES) await client.query(`DROP DATABASE IF EXISTS t_rss_${s}_${suffix} WITH (FORCE)`);
  await client.end();
  const { connect } = require('@nats-io/transport-node');
  const { jetstreamManager } = require('@nats-io/jetstream');
  const nc = await connect({ servers: nats });
  const jsm = await jetstreamManager(nc);
  for await (const stream of jsm.streams.list()) {
    if (stream.config.name.startsWith(`RSS_${suffix.toUpperCase()}_`)) await jsm.streams.delete(stream.config.name);
  }
  await nc.drain();
  console.log('| app | RSS after start (MB) |\n|---|---|');
  for (const [name, mb] of rows) console.log(`| ${name} | ${mb} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
