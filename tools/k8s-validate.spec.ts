import { parseManifests, validateObjects } from './k8s-validate';

interface Container {
  name: string;
  image?: unknown;
  [field: string]: unknown;
}

const goodContainer = (): Container => ({
  name: 'orders',
  image: 'baton/orders',
  ports: [{ name: 'http', containerPort: 3002 }],
  readinessProbe: { httpGet: { path: '/health/ready', port: 'http' } },
  livenessProbe: { httpGet: { path: '/health/live', port: 'http' } },
  resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { cpu: '1', memory: '384Mi' } },
});

const deployment = (container: Container): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'orders' },
  spec: {
    selector: { matchLabels: { app: 'orders' } },
    template: { metadata: { labels: { app: 'orders' } }, spec: { containers: [container] } },
  },
});

describe('k8s manifest validation', () => {
  it('accepts a complete Deployment', () => {
    expect(validateObjects([deployment(goodContainer())])).toEqual([]);
  });

  it('rejects a container without an image', () => {
    const { image: _image, ...noImage } = goodContainer();
    expect(validateObjects([deployment(noImage)])).toEqual(['Deployment/orders: container "orders" has no image']);
  });

  it('rejects a field of the wrong type with the schema error', () => {
    const problems = validateObjects([deployment({ ...goodContainer(), ports: [{ name: 'http', containerPort: 'http' }] })]);
    expect(problems).toEqual(['Deployment/orders: /spec/template/spec/containers/0/ports/0/containerPort must be integer']);
  });

  it('rejects a Deployment without probes or resources', () => {
    const { readinessProbe: _r, livenessProbe: _l, resources: _res, ...bare } = goodContainer();
    const problems = validateObjects([deployment(bare)]);
    expect(problems).toContain('Deployment/orders: container "orders" has no readinessProbe');
    expect(problems).toContain('Deployment/orders: container "orders" has no livenessProbe');
    expect(problems).toContain('Deployment/orders: container "orders" has no resources.limits.memory');
  });

  it('rejects references that do not resolve', () => {
    const container = {
      ...goodContainer(),
      envFrom: [{ configMapRef: { name: 'missing-config' } }],
      env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'baton-secrets', key: 'ORDERS_DATABASE_URL' } } }],
    };
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'baton-secrets' }, stringData: { OTHER: 'x' } };
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders' },
      spec: { selector: { app: 'orders' }, ports: [{ name: 'grpc', port: 50052, targetPort: 'grpc' }] },
    };
    expect(validateObjects([deployment(container), secret, service])).toEqual([
      'Deployment/orders: container "orders" envFrom ConfigMap "missing-config", which is not in the manifests',
      'Deployment/orders: env DATABASE_URL refers to key "ORDERS_DATABASE_URL", which Secret "baton-secrets" does not have',
      'Service/orders: port "grpc" targets "grpc", which no selected container names',
    ]);
  });

  it('rejects kinds it has no schema for', () => {
    expect(validateObjects([{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }])).toEqual([
      'Widget/w: no Kubernetes schema for apiVersion "example.com/v1" kind "Widget"',
    ]);
  });

  it('parses multi-document YAML, skipping empty documents', () => {
    expect(parseManifests('---\nkind: A\n---\n---\nkind: B\n')).toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });
});
