import type { Entry } from './entry';
import type { ServiceSchema } from './service-schema';
import { SERVICE_SCHEMAS } from './services';

const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function defaultOf(entry: Entry<unknown>): string {
  if (entry.developmentDefault !== undefined)
    return entry.secret ? 'a public development value outside production' : `\`${entry.developmentDefault}\` outside production`;
  if (entry.defaultText !== undefined) return `\`${entry.defaultText}\``;
  return entry.defaultNote ?? '—';
}

function productionOf(entry: Entry<unknown>): string {
  if (entry.requiredInProduction) return 'required';
  if (entry.refusedInProduction) return 'refused';
  return '';
}

function section(schema: ServiceSchema): string {
  const rows = Object.entries(schema.entries)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, entry]) =>
        `| \`${name}\` | ${cell(entry.form)} | ${cell(defaultOf(entry))} | ${cell(entry.description)} | ${productionOf(entry)} |`,
    );
  return [
    `## ${schema.service}`,
    '',
    `${schema.title}.`,
    '',
    '| variable | form | default | description | production |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** `docs/configuration.md`: every service's variables, from the schemas (`npm run config:docs` writes it). */
export function configurationDocument(schemas: readonly ServiceSchema[] = SERVICE_SCHEMAS): string {
  return [
    '# Configuration',
    '',
    '<!-- Generated from libs/config by `npm run config:docs`; a test fails when this file is stale. -->',
    '',
    'Every service reads its environment once, at start, through its schema in `libs/config`. A bad or',
    'missing value stops it before it connects to anything, with one line on stderr naming the variable,',
    'the problem and the expected form, and exit status 78, e.g.',
    '',
    '```',
    'Configuration error: ATTACHMENT_MAX_BYTES="12x" is not an integer; expected an integer from 1 to 1073741824 (bytes)',
    '```',
    '',
    'An empty value counts as unset. "required" in the production column: with `NODE_ENV=production` the',
    'service refuses to start without it (and refuses the development value); "refused": production',
    'refuses it being set at all.',
    '',
    ...schemas.map(section),
  ].join('\n');
}
