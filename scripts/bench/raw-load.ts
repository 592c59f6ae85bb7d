/**
 * The raw side of a benchmark: `connections` sequential loops in this process, each running the
 * hand-written query through the driver until `seconds` are up, and serialising its records as a
 * server would (so that every side pays for JSON). Resolves with every success's latency.
 */
import type { Driver } from 'neo4j-driver';
import type { LoadReport } from '../bench-api-load';
import type { RawAsk } from './cases';

export async function rawLoops(driver: Driver, database: string, ask: Pick<RawAsk, 'cypher' | 'params'>, load: { connections: number; seconds: number }): Promise<LoadReport> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + load.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const result = await driver.executeQuery(ask.cypher, ask.params, { database, routing: 'READ' });
        JSON.stringify(result.records.map((record) => record.toObject()));
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: load.connections }, worker));
  return { latencies, errors };
}
