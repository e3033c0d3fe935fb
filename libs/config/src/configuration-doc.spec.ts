import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationDocument } from './configuration-doc';

describe('docs/configuration.md', () => {
  it('is what the schemas generate (run npm run config:docs after changing a schema)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'configuration.md'), 'utf8');
    expect(committed).toBe(configurationDocument());
  });
});
