// Writes a migration with the SQL that brings a subgraph's database up to its entities:
//   node -r @swc-node/register tools/migrations/generate-migration.ts <subgraph> <MigrationName> [directory]
// (directory defaults to apps/<subgraph>/src/migrations)
// It migrates a scratch database with the existing migrations, asks TypeORM for the remaining
// difference, and drops the scratch database again.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createTestDatabase } from '@polyplus/persistence';
import { loadSubgraphDefinition } from './subgraph-definitions';

async function main(): Promise<void> {
  const [subgraph, name, directory] = process.argv.slice(2);
  if (!subgraph || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('usage: generate-migration.ts <subgraph> <PascalCaseName>');
  }
  const definition = await loadSubgraphDefinition(subgraph);
  const db = await createTestDatabase(`gen_${subgraph}`, definition.database);
  try {
    const log = await db.dataSource.driver.createSchemaBuilder().log();
    if (log.upQueries.length === 0) {
      console.log('The schema already matches the entities: no migration written.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const lines = (queries: { query: string }[]) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(log.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...log.downQueries].reverse())}
  }
}
`;
    const file = join(directory ?? join('apps', subgraph, 'src', 'migrations'), `${timestamp}-${kebab}.ts`);
    // Written as `npm run format` would leave it, so the format check passes on a new migration.
    writeFileSync(file, await format(source, { ...(await resolveConfig(file)), filepath: file }));
    console.log(`Wrote ${file} (${className}); add it to the subgraph's migration list.`);
  } finally {
    await db.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
