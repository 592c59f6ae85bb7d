/**
 * Every repository query starts from an index and walks outward (issue: cost follows the answer,
 * not the graph). Each statement the API runs (test/integration/query-plans.ts) is EXPLAINed on
 * the seed graph: its plan holds the index (or count store, or fulltext procedure) it starts
 * from, no AllNodesScan, no relationship-type scan, and no label scan, except the unfiltered
 * lists of the labels named in their `scans`; a bounded relationship list's plan keeps its first
 * $limit per key (a Top-N, no full Sort) and, where an index gives its order, holds the lazy walk
 * of that index (PartialTop over a range seek).
 */
import type { Driver } from 'neo4j-driver';
import { ingestPaths } from '../../src/ingest/run';
import { resetDatabase, SEEDS_DIR, testConfig, testDriver } from './harness';
import { plannedStatements } from './query-plans';

jest.setTimeout(120_000);

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

const config = testConfig();
let driver: Driver;

beforeAll(async () => {
  driver = testDriver(config);
  await resetDatabase(driver, config);
  const summary = await ingestPaths({ paths: [SEEDS_DIR], driver, database: config.neo4j.database, maxFileBytes: config.ingest.maxFileBytes, timeoutMs: 60_000 });
  if (summary.errors.length > 0) throw new Error(`seed ingest failed: ${JSON.stringify(summary.errors)}`);
  // The planner's choices follow the index statistics, which Neo4j samples in the background after
  // a load, and plans cached while an earlier test file's graph was loaded: sample the seed graph's
  // indexes now and plan afresh, so that the pins see the plans this graph gets.
  const run = (cypher: string) => driver.executeQuery(cypher, {}, { database: config.neo4j.database });
  await run('CALL db.awaitIndexes(60)');
  await run('CALL db.resampleOutdatedIndexes()');
  await run('CALL db.awaitIndexes(60)');
  await run('CALL db.clearQueryCaches()');
});
afterAll(async () => {
  await driver.close();
});

function operators(plan: PlanNode): string[] {
  const own = `${plan.operatorType.replace(/@.*$/, '')} ${String(plan.arguments.Details ?? '')}`;
  return [own, ...plan.children.flatMap(operators)];
}

describe.each(plannedStatements().map((statement) => [statement.name, statement] as const))('%s', (_name, statement) => {
  it('starts from an index and scans no label or relationship type', async () => {
    const result = await driver.executeQuery(`EXPLAIN ${statement.cypher}`, statement.params, { database: config.neo4j.database });
    const plan = operators(result.summary.plan as unknown as PlanNode);
    expect(plan.some((op) => statement.anchor.test(op))).toBe(true);
    expect(plan.filter((op) => /^AllNodesScan/.test(op))).toEqual([]);
    expect(plan.filter((op) => /RelationshipTypeScan|RelationshipIndexScan|AllRelationshipsScan/.test(op))).toEqual([]);
    const allowed = statement.scans ?? [];
    const scanned = plan.filter((op) => /^NodeByLabelScan/.test(op)).map((op) => /:(\w+)/.exec(op)?.[1]);
    expect(scanned.filter((label) => !allowed.includes(label ?? ''))).toEqual([]);
    for (const operator of statement.shape ?? []) expect({ operator, found: plan.some((op) => operator.test(op)) }).toEqual({ operator, found: true });
    for (const operator of statement.never ?? []) expect(plan.filter((op) => operator.test(op))).toEqual([]);
  });
});
