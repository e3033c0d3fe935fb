import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Principal } from '@polyplus/auth';
import { executeOperation } from './execute-operation';

/** One refused input of a bounds suite: the rule, the mutation, the input (built when the test runs) and the field it must name. */
export type BoundsCase = [rule: string, mutation: string, input: () => Record<string, unknown>, field: string];

/** A subgraph under a bounds suite: its schema, its database and the tables a refused input must leave alone. */
export type BoundsTarget = { schema: GraphQLSchema; dataSource: DataSource; tables: readonly string[] };

/** The row count of each table: equal before and after an operation that wrote nothing there. */
export async function rowCounts(dataSource: DataSource, tables: readonly string[]): Promise<Record<string, number>> {
  return Object.fromEntries(
    await Promise.all(
      tables.map(async (table) => [table, Number((await dataSource.query(`SELECT COUNT(*) AS n FROM \`${table}\``))[0].n)]),
    ),
  );
}

/** Expects the operation refused with one BAD_USER_INPUT error naming `field`, and no row of the target's tables written. */
export async function expectRefusedInput(
  target: BoundsTarget,
  operation: string,
  variables: Record<string, unknown>,
  field: string,
  principal?: Principal,
): Promise<void> {
  const before = await rowCounts(target.dataSource, target.tables);
  const result = await executeOperation(target.schema, operation, variables, principal);
  expect(result.errors).toHaveLength(1);
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((result.errors?.[0].extensions?.fields as { field: string }[]).map((problem) => problem.field)).toContain(field);
  expect(await rowCounts(target.dataSource, target.tables)).toEqual(before);
}
