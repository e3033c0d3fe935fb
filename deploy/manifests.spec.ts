import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// The Kubernetes manifests checked the way a schema check would, and against the code they run:
// every service has its Deployment, probes, resources, disruption budget and configuration, and
// Kubernetes waits long enough for each service's own graceful shutdown.
const DEPLOY = __dirname;
const ROOT = join(__dirname, '..');

type Probe = { httpGet?: { path: string; port: string | number }; tcpSocket?: { port: string | number }; exec?: unknown };
type Container = {
  name: string;
  image: string;
  command: string[];
  ports?: { name: string; containerPort: number }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: { name: string; value?: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { memory?: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
};
type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    minAvailable?: number;
    maxUnavailable?: number;
    ports?: { name: string; port: number; targetPort: string | number }[];
    strategy?: { rollingUpdate?: { maxUnavailable?: number } };
    template?: {
      metadata: { labels: Record<string, string> };
      spec: {
        terminationGracePeriodSeconds?: number;
        securityContext?: { runAsNonRoot?: boolean };
        containers: Container[];
        volumes?: { name: string; emptyDir?: object }[];
      };
    };
  };
};

const kustomization = parse(readFileSync(join(DEPLOY, 'kustomization.yaml'), 'utf8')) as {
  resources: string[];
  images?: { name: string }[];
};
const manifests: (Manifest & { file: string })[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(join(DEPLOY, file), 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors.map((error) => error.message).join('; ')}`);
    return { ...(document.toJS() as Manifest), file };
  }),
);
const ofKind = (kind: string) => manifests.filter((manifest) => manifest.kind === kind);
const deployments = ofKind('Deployment');
const services = ofKind('Service');
const container = (deployment: Manifest) => deployment.spec?.template?.spec.containers[0] as Container;

/** The product's processes: apps with a `src/main.ts` (services, workers) or a `server/main.ts` (web pages). */
function productServices(): { name: string; entry: string }[] {
  return readdirSync(join(ROOT, 'apps'))
    .flatMap((app) => ['src/main.ts', 'server/main.ts'].map((entry) => ({ name: app, entry: `apps/${app}/${entry}` })))
    .filter(({ entry }) => existsSync(join(ROOT, entry)));
}

/** How long a service takes at most to stop after SIGTERM, read from its entry point. */
function shutdownGraceSeconds(entry: string): number {
  const own = readFileSync(join(ROOT, entry), 'utf8');
  // A subgraph's main.ts hands its whole life, stopping included, to the kit's runSubgraphMain.
  const source = /\brunSubgraphMain\(/.test(own) ? readFileSync(join(ROOT, 'libs/subgraph-kit/src/run-subgraph-main.ts'), 'utf8') : own;
  const explicit =
    /stopOnSignals\([^,()]+(?:\([^)]*\))?,\s*([\d_]+)\)/.exec(source) ?? /setTimeout\(\(\) => process\.exit\(0\), ([\d_]+)\)/.exec(source);
  if (explicit) return Number(explicit[1].replace(/_/g, '')) / 1000;
  if (/\bstopOnSignals\b/.test(source)) {
    const shutdown = readFileSync(join(ROOT, 'libs/subgraph-kit/src/shutdown.ts'), 'utf8');
    return Number((/graceMs = ([\d_]+)/.exec(shutdown) as RegExpExecArray)[1].replace(/_/g, '')) / 1000;
  }
  throw new Error(`${entry}: cannot tell how long it takes to stop`);
}

describe('Kubernetes manifests in deploy/', () => {
  it('every manifest file is listed in the kustomization, parses, and each document has apiVersion, kind and a name', () => {
    const files = readdirSync(DEPLOY).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    for (const manifest of manifests)
      expect({ file: manifest.file, ok: Boolean(manifest.apiVersion && manifest.kind && manifest.metadata?.name) }).toEqual({
        file: manifest.file,
        ok: true,
      });
  });

  it('every service of the product has a Deployment running its compiled entry point in two or more replicas', () => {
    const expected = productServices();
    expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(expected.map((service) => service.name).sort());
    for (const { name } of expected) {
      const deployment = deployments.find((candidate) => candidate.metadata.name === name) as Manifest;
      // The image runs each app compiled by `nx build <app>` (the Dockerfile's runtime stage).
      expect({ name, replicas: (deployment.spec?.replicas ?? 1) >= 2, command: container(deployment).command }).toEqual({
        name,
        replicas: true,
        command: ['node', `dist/apps/${name}/main.js`],
      });
      expect({
        name,
        built:
          existsSync(join(ROOT, 'apps', name, 'project.json')) &&
          /"build"/.test(readFileSync(join(ROOT, 'apps', name, 'project.json'), 'utf8')),
      }).toEqual({ name, built: true });
      // A rolling update never takes a serving replica away before its successor is ready.
      expect({ name, maxUnavailable: deployment.spec?.strategy?.rollingUpdate?.maxUnavailable }).toEqual({ name, maxUnavailable: 0 });
      expect(kustomization.images?.map((image) => image.name)).toContain(container(deployment).image);
    }
  });

  it('each Deployment selects its own pods, is ready on /health, has liveness and startup probes on a declared port, and requests CPU and memory with a memory limit', () => {
    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const labels = deployment.spec?.template?.metadata.labels ?? {};
      const selector = deployment.spec?.selector?.matchLabels ?? {};
      expect({
        name,
        selected: Object.entries(selector).every(([key, value]) => labels[key] === value) && Object.keys(selector).length > 0,
      }).toEqual({ name, selected: true });
      const main = container(deployment);
      const ports = new Set((main.ports ?? []).flatMap((port) => [port.name, port.containerPort]));
      expect({
        name,
        readiness: main.readinessProbe?.httpGet?.path,
        readinessPort: ports.has(main.readinessProbe?.httpGet?.port as string),
      }).toEqual({ name, readiness: '/health', readinessPort: true });
      const liveness = main.livenessProbe?.httpGet?.port ?? main.livenessProbe?.tcpSocket?.port;
      expect({ name, liveness: ports.has(liveness as string), startup: main.startupProbe?.httpGet?.path }).toEqual({
        name,
        liveness: true,
        startup: '/health',
      });
      expect({
        name,
        cpu: Boolean(main.resources?.requests?.cpu),
        memory: Boolean(main.resources?.requests?.memory),
        limit: Boolean(main.resources?.limits?.memory),
      }).toEqual({ name, cpu: true, memory: true, limit: true });
    }
  });

  it('Kubernetes waits long enough for each service’s graceful shutdown, after the pause that lets its Service stop routing to it', () => {
    for (const { name, entry } of productServices()) {
      const deployment = deployments.find((candidate) => candidate.metadata.name === name) as Manifest;
      const preStop = container(deployment).lifecycle?.preStop?.exec?.command;
      const pause = preStop?.[0] === 'sleep' ? Number(preStop[1]) : 0;
      const grace = shutdownGraceSeconds(entry);
      const waits = deployment.spec?.template?.spec.terminationGracePeriodSeconds ?? 30;
      expect({ name, fits: waits >= pause + grace + 5 }).toEqual({ name, fits: true });
    }
  });

  it('each Deployment has a PodDisruptionBudget that keeps a replica serving', () => {
    const budgets = ofKind('PodDisruptionBudget');
    for (const deployment of deployments) {
      const labels = deployment.spec?.template?.metadata.labels ?? {};
      const budget = budgets.find((candidate) =>
        Object.entries(candidate.spec?.selector?.matchLabels ?? {}).every(([key, value]) => labels[key] === value),
      );
      expect({
        name: deployment.metadata.name,
        keeps: (budget?.spec?.minAvailable ?? 0) >= 1 || budget?.spec?.maxUnavailable === 1,
      }).toEqual({ name: deployment.metadata.name, keeps: true });
    }
  });

  it('configuration comes from the ConfigMap and Secret defined here; service addresses name Services and ports defined here', () => {
    const configMaps = new Map(ofKind('ConfigMap').map((map) => [map.metadata.name, map.data ?? {}]));
    const secrets = new Map(ofKind('Secret').map((secret) => [secret.metadata.name, secret.stringData ?? secret.data ?? {}]));
    for (const deployment of deployments) {
      for (const source of container(deployment).envFrom ?? []) {
        if (source.configMapRef) expect(configMaps.has(source.configMapRef.name)).toBe(true);
        if (source.secretRef) expect(secrets.has(source.secretRef.name)).toBe(true);
      }
      expect(container(deployment).envFrom?.length).toBe(2);
    }
    const config = Object.assign({}, ...configMaps.values()) as Record<string, string>;
    const secret = Object.assign({}, ...secrets.values()) as Record<string, string>;
    for (const [variable, value] of Object.entries(config).filter(
      ([key]) => /_URL$/.test(key) && /^http:\/\/[a-z-]+:\d+\//.test(config[key]),
    )) {
      const [, host, port] = /^http:\/\/([a-z-]+):(\d+)\//.exec(value) as RegExpExecArray;
      const service = services.find((candidate) => candidate.metadata.name === host);
      expect({ variable, port: service?.spec?.ports?.some((candidate) => candidate.port === Number(port)) }).toEqual({
        variable,
        port: true,
      });
    }
    // Redis Cluster needs every queue key under one hash tag; the secrets name the data services.
    expect(config.QUEUE_PREFIX).toMatch(/^\{[^}]+\}$/);
    expect(Boolean(secret.REDIS_CLUSTER_NODES || secret.REDIS_URL)).toBe(true);
    expect(secret.MYSQL_URL).toMatch(/^mysql:\/\//);
    expect(config.NODE_ENV).toBe('production');
  });

  it('every Service targets ports its pods declare', () => {
    for (const service of services) {
      const deployment = deployments.find((candidate) =>
        Object.entries(service.spec?.selector ?? {}).every(([key, value]) => candidate.spec?.template?.metadata.labels[key] === value),
      );
      const declared = new Set((container(deployment as Manifest).ports ?? []).flatMap((port) => [port.name, port.containerPort]));
      for (const port of service.spec?.ports ?? [])
        expect({ service: service.metadata.name, port: port.name, declared: declared.has(port.targetPort) }).toEqual({
          service: service.metadata.name,
          port: port.name,
          declared: true,
        });
    }
  });

  it('containers run as a non-root user on a read-only root filesystem, with a scratch /tmp', () => {
    for (const deployment of deployments) {
      const pod = deployment.spec?.template?.spec;
      const main = container(deployment);
      const tmp = main.volumeMounts?.find((mount) => mount.mountPath === '/tmp');
      expect({
        name: deployment.metadata.name,
        nonRoot: pod?.securityContext?.runAsNonRoot,
        readOnly: main.securityContext?.readOnlyRootFilesystem,
        escalation: main.securityContext?.allowPrivilegeEscalation,
        tmp: Boolean(tmp && pod?.volumes?.some((volume) => volume.name === tmp.name && volume.emptyDir)),
      }).toEqual({ name: deployment.metadata.name, nonRoot: true, readOnly: true, escalation: false, tmp: true });
    }
  });
});
