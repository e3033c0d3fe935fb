// Writes docs/configuration.md from the services' configuration schemas (libs/config).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationDocument } from '@polyplus/config';

const target = join(__dirname, '..', '..', 'docs', 'configuration.md');
writeFileSync(target, configurationDocument());
process.stdout.write(`wrote ${target}\n`);
