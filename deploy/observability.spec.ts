import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { metricsRegistry } from '@polyplus/metrics';
import { GATEWAY_PORT, SUBGRAPH_PORTS } from '@polyplus/subgraph-kit';

// The observability profile of docker-compose.yml, its Prometheus and Grafana configuration and
// the dashboard, checked against each other and against the series the services really expose.
const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type ComposeService = {
  image?: string;
  profiles?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string | number>;
  entrypoint?: string[];
};
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const OBSERVABILITY = ['prometheus', 'grafana', 'jaeger'];
/** The services that serve /metrics, and where. */
const SCRAPED: Record<string, number> = {
  gateway: GATEWAY_PORT,
  ...SUBGRAPH_PORTS,
  scheduler: Number(compose.services.scheduler?.environment?.SCHEDULER_HEALTH_PORT),
};

type Prometheus = {
  scrape_configs: {
    job_name: string;
    authorization?: { credentials_file: string };
    dns_sd_configs: { names: string[]; type: string; port: number }[];
  }[];
};
type Panel = { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string; datasource?: { uid: string } }[] };
const dashboard = JSON.parse(read('docs/grafana-dashboard.json')) as {
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; query: string }[] };
};

describe('the observability profile', () => {
  it('adds Prometheus, Grafana and Jaeger, and only under the profile: the product starts without them', () => {
    const profiled = Object.entries(compose.services)
      .filter(([, service]) => service.profiles)
      .map(([name]) => name);
    expect(profiled.sort()).toEqual([...OBSERVABILITY].sort());
    for (const name of OBSERVABILITY) expect(compose.services[name].profiles).toEqual(['observability']);
    expect(compose.services.jaeger.ports).toContain('4318:4318');
  });

  it('gives every service METRICS_TOKEN and an OTLP endpoint that stays unset unless asked for', () => {
    const source = read('docker-compose.yml');
    expect(source).toContain('OTEL_EXPORTER_OTLP_ENDPOINT: ${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
    expect(source).toContain('METRICS_TOKEN: ${METRICS_TOKEN:-}');
    for (const name of Object.keys(SCRAPED)) {
      expect({ name, environment: Object.keys(compose.services[name].environment ?? {}) }).toEqual({
        name,
        environment: expect.arrayContaining(['METRICS_TOKEN', 'OTEL_EXPORTER_OTLP_ENDPOINT']),
      });
    }
  });

  it('has Prometheus scrape every service that serves /metrics, on its port, with the token', () => {
    expect(compose.services.prometheus.volumes).toContain('./deploy/observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
    const prometheus = parse(read('deploy/observability/prometheus.yml')) as Prometheus;
    const scraped = Object.fromEntries(prometheus.scrape_configs.map((job) => [job.job_name, job]));
    expect(Object.keys(scraped).sort()).toEqual(Object.keys(SCRAPED).sort());
    for (const [name, port] of Object.entries(SCRAPED)) {
      expect(Number.isInteger(port)).toBe(true);
      // Each replica, through Docker's DNS for the compose service of that name.
      expect(scraped[name].dns_sd_configs).toEqual([expect.objectContaining({ names: [name], type: 'A', port })]);
      expect(compose.services[name]).toBeDefined();
      expect(scraped[name].authorization?.credentials_file).toBe('/prometheus/metrics-token');
    }
    // The token reaches that file from the environment before Prometheus starts.
    expect(compose.services.prometheus.entrypoint?.join(' ')).toMatch(/METRICS_TOKEN.*> \/prometheus\/metrics-token/);
    expect(compose.services.prometheus.environment).toHaveProperty('METRICS_TOKEN');
  });

  it('provisions Grafana with the Prometheus data source and the dashboard from docs/', () => {
    const volumes = compose.services.grafana.volumes ?? [];
    expect(volumes).toContain('./docs/grafana-dashboard.json:/var/lib/grafana/dashboards/polyplus.json:ro');
    expect(volumes).toContain('./deploy/observability/grafana/provisioning:/etc/grafana/provisioning:ro');
    const datasources = parse(read('deploy/observability/grafana/provisioning/datasources/prometheus.yml')) as {
      datasources: { type: string; url: string }[];
    };
    expect(datasources.datasources).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prometheus:9090' })]);
    const providers = parse(read('deploy/observability/grafana/provisioning/dashboards/polyplus.yml')) as {
      providers: { options: { path: string } }[];
    };
    expect(providers.providers[0].options.path).toBe('/var/lib/grafana/dashboards');
    expect(existsSync(join(ROOT, 'docs/grafana-dashboard.json'))).toBe(true);
  });
});

describe('the Grafana dashboard', () => {
  const expressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
  const used = new Set(expressions.flatMap((expr) => expr.match(/\bpolyplus_[a-z_]+/g) ?? []));
  // A histogram is queried by its _bucket, _count and _sum series.
  const seriesOf = (name: string, type: string) => (type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name]);
  const defined = metricsRegistry()
    .getMetricsAsArray()
    .filter((metric) => metric.name.startsWith('polyplus_'));

  it('queries only series the services expose', () => {
    expect(defined.length).toBeGreaterThanOrEqual(20);
    const exposed = new Set(defined.flatMap((metric) => seriesOf(metric.name, (metric as unknown as { type: string }).type)));
    expect([...used].filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('shows every series the services expose', () => {
    const shown = (metric: (typeof defined)[number]) =>
      seriesOf(metric.name, (metric as unknown as { type: string }).type).some((series) => used.has(series));
    expect(defined.filter((metric) => !shown(metric)).map((metric) => metric.name)).toEqual([]);
  });

  it('reads from the data source chosen on the dashboard, so it works in any Grafana', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' }),
    );
    for (const panel of dashboard.panels.filter((candidate) => candidate.type !== 'row')) {
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({ panel: panel.title, uid: '${datasource}' });
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
  });
});
