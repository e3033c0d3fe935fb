import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as events from './index';
import { PRODUCT_QUEUES } from './queue-names';

const ROOT = join(__dirname, '..', '..', '..');

function productionSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : productionSources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the product’s list of queues', () => {
  it('names each queue once', () => {
    const names = PRODUCT_QUEUES.map((queue) => queue.name);
    expect(new Set(names).size).toBe(names.length);
  });

  // The queue dashboard shows PRODUCT_QUEUES: a queue a service opens under a name of its own would
  // be invisible there, so every BullMQ Queue and Worker of the services must take a listed name.
  it('holds every queue a service opens, by the constant exported here', () => {
    const listed = new Set(PRODUCT_QUEUES.map((queue) => queue.name));
    const opened: string[] = [];
    for (const file of [...productionSources(join(ROOT, 'apps')), ...productionSources(join(ROOT, 'libs'))]) {
      const source = readFileSync(file, 'utf8');
      if (!source.includes("from 'bullmq'")) continue;
      for (const match of source.matchAll(/new (?:Queue|Worker)(?:<[^(]*>)?\(\s*([^,\s]+)/g)) {
        const constant = match[1];
        // Opening each listed queue by going over the list itself (the dashboard) is listed by construction.
        if (constant === 'name' && /PRODUCT_QUEUES\.map\(\(\{ name\b/.test(source)) continue;
        const value = (events as Record<string, unknown>)[constant];
        opened.push(constant);
        expect({ file, constant, listed: typeof value === 'string' && listed.has(value) }).toEqual({ file, constant, listed: true });
      }
    }
    // The scan found the services' queues at all (else it would pass on nothing).
    expect(new Set(opened)).toEqual(
      new Set([
        'ESCALATION_QUEUE',
        'RETURN_DEADLINE_QUEUE',
        'DISPATCH_OPTIMISATION_QUEUE',
        'MAIL_DELIVERY_QUEUE',
        'WEBHOOK_DELIVERY_QUEUE',
      ]),
    );
  });
});
