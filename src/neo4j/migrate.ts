/**
 * Applies schema/neo4j.cypher (constraints and indexes). Every statement is IF NOT EXISTS, so
 * running it on every start is safe; it then waits for the indexes to come online so that the
 * first query after start-up already uses them, and applies the data migrations of
 * schema/migrations.cypher beside it (idempotent statements that bring graphs written by
 * earlier versions up to date).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';

/** Splits a Cypher script into statements: `;`-terminated, `//` comment lines dropped. */
export function parseCypherScript(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export interface MigrateOptions {
  database: string;
  /** Defaults to schema/neo4j.cypher of the repository. */
  schemaFile: string;
}

/** Runs every schema statement (each in its own auto-commit transaction, as schema changes need). */
export async function migrate(driver: Driver, options: MigrateOptions): Promise<number> {
  const statements = parseCypherScript(fs.readFileSync(options.schemaFile, 'utf8'));
  const session = driver.session({ database: options.database });
  try {
    for (const statement of statements) {
      await session.run(statement);
    }
    await session.run('CALL db.awaitIndexes(300)');
    const migrations = path.join(path.dirname(options.schemaFile), 'migrations.cypher');
    if (fs.existsSync(migrations)) {
      for (const statement of parseCypherScript(fs.readFileSync(migrations, 'utf8'))) await session.run(statement);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Applying ${path.basename(options.schemaFile)} failed: ${reason}`);
  } finally {
    await session.close();
  }
  return statements.length;
}
