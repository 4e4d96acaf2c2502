#!/usr/bin/env node
/**
 * Validates the Kubernetes manifests: renders each Kustomization (k8s/base and every overlay) with
 * `kubectl kustomize`, checks every object against the Kubernetes API schemas (kubernetes-models),
 * and adds the rules the schemas leave out — every container has an image, every Deployment has
 * readiness and liveness probes and CPU/memory requests and limits — plus references that must
 * resolve inside the rendering (Services select pods and name their ports, probes name ports,
 * env refers to existing ConfigMaps/Secrets keys, autoscalers and budgets target workloads).
 *
 * Usage: node tools/k8s-validate.js [kustomization-dir ...]   (default: k8s/base and k8s/overlays/*)
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');

const root = path.resolve(__dirname, '..');
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

function nameOf(obj) {
  const ns = obj?.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj?.kind ?? '<no kind>'}/${ns}${obj?.metadata?.name ?? '<no name>'}`;
}

/** The kubernetes-models class for an apiVersion/kind, or undefined when the package has none. */
function modelFor(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !/^[A-Za-z0-9]+$/.test(kind)) return undefined;
  try {
    return require(`kubernetes-models/${apiVersion}/${kind}`)[kind];
  } catch {
    return undefined;
  }
}

function schemaProblems(obj) {
  const Model = modelFor(obj?.apiVersion, obj?.kind);
  if (!Model) return [`no Kubernetes schema for apiVersion "${obj?.apiVersion}" kind "${obj?.kind}"`];
  try {
    new Model(obj).validate();
    return [];
  } catch (err) {
    const errors = Array.isArray(err.errors) ? err.errors : undefined;
    if (!errors) return [err.message];
    return errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
  }
}

function podTemplateOf(obj) {
  if (obj?.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template;
  if (WORKLOAD_KINDS.has(obj?.kind)) return obj.spec?.template;
  return undefined;
}

function containersOf(template) {
  const spec = template?.spec ?? {};
  return [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
}

function containerProblems(obj) {
  const template = podTemplateOf(obj);
  if (!template) return [];
  const problems = [];
  const main = template.spec?.containers ?? [];
  for (const container of containersOf(template)) {
    const where = `container "${container?.name}"`;
    if (typeof container?.image !== 'string' || container.image.trim() === '') {
      problems.push(`${where} has no image`);
    }
    const portNames = new Set((container?.ports ?? []).map((p) => p.name).filter(Boolean));
    for (const probeName of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
      const probe = container?.[probeName];
      const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port ?? probe?.grpc?.port;
      if (typeof port === 'string' && !portNames.has(port)) {
        problems.push(`${where} ${probeName} refers to port "${port}", which the container does not name`);
      }
    }
  }
  if (obj.kind === 'Deployment') {
    for (const container of main) {
      const where = `container "${container?.name}"`;
      if (!container?.readinessProbe) problems.push(`${where} has no readinessProbe`);
      if (!container?.livenessProbe) problems.push(`${where} has no livenessProbe`);
      for (const bound of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          if (container?.resources?.[bound]?.[resource] === undefined) {
            problems.push(`${where} has no resources.${bound}.${resource}`);
          }
        }
      }
    }
  }
  return problems;
}

function matches(selector, labels) {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function referenceProblems(objects) {
  const problems = [];
  const byKindName = new Map(objects.map((o) => [`${o?.kind}/${o?.metadata?.name}`, o]));
  const workloads = objects.filter((o) => podTemplateOf(o));
  const add = (obj, message) => problems.push({ obj, message });

  for (const obj of workloads) {
    for (const container of containersOf(podTemplateOf(obj))) {
      for (const source of container?.envFrom ?? []) {
        for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']]) {
          const ref = source[field];
          if (ref && !ref.optional && !byKindName.has(`${kind}/${ref.name}`)) {
            add(obj, `container "${container.name}" envFrom ${kind} "${ref.name}", which is not in the manifests`);
          }
        }
      }
      for (const env of container?.env ?? []) {
        for (const [field, kind, dataKeys] of [
          ['configMapKeyRef', 'ConfigMap', (o) => Object.keys({ ...o.data, ...o.binaryData })],
          ['secretKeyRef', 'Secret', (o) => Object.keys({ ...o.data, ...o.stringData })],
        ]) {
          const ref = env.valueFrom?.[field];
          if (!ref || ref.optional) continue;
          const target = byKindName.get(`${kind}/${ref.name}`);
          if (!target) {
            add(obj, `env ${env.name} refers to ${kind} "${ref.name}", which is not in the manifests`);
          } else if (!dataKeys(target).includes(ref.key)) {
            add(obj, `env ${env.name} refers to key "${ref.key}", which ${kind} "${ref.name}" does not have`);
          }
        }
      }
    }
  }

  for (const svc of objects.filter((o) => o?.kind === 'Service' && o.spec?.selector)) {
    const pods = workloads.filter((w) => matches(svc.spec.selector, podTemplateOf(w)?.metadata?.labels));
    if (pods.length === 0) {
      add(svc, `selector ${JSON.stringify(svc.spec.selector)} matches no workload's pods`);
      continue;
    }
    const named = new Set(pods.flatMap((w) => containersOf(podTemplateOf(w)).flatMap((c) => (c.ports ?? []).map((p) => p.name))));
    for (const port of svc.spec.ports ?? []) {
      if (typeof port.targetPort === 'string' && !named.has(port.targetPort)) {
        add(svc, `port "${port.name}" targets "${port.targetPort}", which no selected container names`);
      }
    }
  }

  for (const hpa of objects.filter((o) => o?.kind === 'HorizontalPodAutoscaler')) {
    const ref = hpa.spec?.scaleTargetRef;
    if (ref && !byKindName.has(`${ref.kind}/${ref.name}`)) {
      add(hpa, `scaleTargetRef ${ref.kind}/${ref.name} is not in the manifests`);
    }
  }
  for (const pdb of objects.filter((o) => o?.kind === 'PodDisruptionBudget')) {
    const selector = pdb.spec?.selector?.matchLabels;
    if (!workloads.some((w) => matches(selector, podTemplateOf(w)?.metadata?.labels))) {
      add(pdb, `selector ${JSON.stringify(selector)} matches no workload's pods`);
    }
  }
  return problems;
}

/**
 * Every problem found in a list of Kubernetes objects, as "<Kind>/<name>: <problem>" lines.
 * An empty list means the objects are valid.
 */
function validateObjects(objects) {
  const problems = [];
  for (const obj of objects) {
    for (const message of [...schemaProblems(obj), ...containerProblems(obj)]) {
      problems.push(`${nameOf(obj)}: ${message}`);
    }
  }
  for (const { obj, message } of referenceProblems(objects)) {
    problems.push(`${nameOf(obj)}: ${message}`);
  }
  return problems;
}

/** Parses a multi-document YAML stream into its non-empty documents. */
function parseManifests(text) {
  return yaml.loadAll(text).filter((doc) => doc !== null && doc !== undefined);
}

/** Renders a Kustomization directory with `kubectl kustomize`. */
function renderKustomization(dir) {
  try {
    return execFileSync('kubectl', ['kustomize', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    if (err.code === 'ENOENT') throw new Error('kubectl is not installed (needed for `kubectl kustomize`)');
    throw new Error(`kubectl kustomize ${dir} failed:\n${err.stderr || err.message}`);
  }
}

function defaultKustomizations() {
  const dirs = ['k8s/base'];
  const overlays = path.join(root, 'k8s', 'overlays');
  if (fs.existsSync(overlays)) {
    for (const entry of fs.readdirSync(overlays, { withFileTypes: true })) {
      if (entry.isDirectory() && fs.existsSync(path.join(overlays, entry.name, 'kustomization.yaml'))) {
        dirs.push(`k8s/overlays/${entry.name}`);
      }
    }
  }
  return dirs;
}

function main(argv) {
  const dirs = argv.length > 0 ? argv : defaultKustomizations();
  let failed = false;
  for (const dir of dirs) {
    let objects;
    try {
      objects = parseManifests(renderKustomization(dir));
    } catch (err) {
      console.error(`k8s: ${dir}: ${err.message}`);
      failed = true;
      continue;
    }
    const problems = validateObjects(objects);
    if (problems.length > 0) {
      failed = true;
      console.error(`k8s: ${dir}: ${problems.length} problem(s)`);
      for (const problem of problems) console.error(`  ${problem}`);
    } else {
      console.log(`k8s: ${dir}: ${objects.length} objects valid`);
    }
  }
  return failed ? 1 : 0;
}

module.exports = { validateObjects, parseManifests, renderKustomization };

if (require.main === module) {
  process.exit(main(process.argv.slice(2)));
}
