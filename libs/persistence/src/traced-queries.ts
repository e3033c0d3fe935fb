import type { DataSource, QueryRunner } from 'typeorm';
import { inSpan, SpanKind, tracingEnabled } from '@polyplus/telemetry';

// Statements past this length (long IN lists) are cut: the shape is what a trace needs.
const MAX_STATEMENT_CHARS = 2_000;

/** `SELECT`, `INSERT`, `START TRANSACTION`...: the statement's operation, for the span name. */
function operationOf(sql: string): string {
  const words = sql
    .trimStart()
    .split(/\s+/, 2)
    .map((word) => word.toUpperCase());
  return words[0] === 'START' || words[0] === 'SET' ? words.join(' ') : words[0];
}

/**
 * Every query of `dataSource` becomes a CLIENT span (`SELECT polyplus_incidents`) carrying the
 * statement text as TypeORM sent it: values travel separately as `?` parameters and are never
 * recorded. Hooked on the query runners TypeORM creates, so the span starts and ends in the
 * caller's async context (mysql2's callbacks run in the connection's). Only queries made within a
 * trace are recorded (a relay's poll is not); with tracing off nothing is hooked.
 */
export function traceQueries(dataSource: DataSource, database: string): DataSource {
  if (!tracingEnabled()) return dataSource;
  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => traceRunner(createQueryRunner(mode), database);
  return dataSource;
}

function traceRunner(runner: QueryRunner, database: string): QueryRunner {
  const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
    const operation = operationOf(sql);
    return inSpan(
      `${operation} ${database}`,
      {
        kind: SpanKind.CLIENT,
        onlyInTrace: true,
        attributes: {
          'db.system.name': 'mysql',
          'db.namespace': database,
          'db.operation.name': operation,
          'db.query.text': sql.slice(0, MAX_STATEMENT_CHARS),
        },
      },
      () => query(sql, parameters, structured),
    );
  }) as QueryRunner['query'];
  return runner;
}
