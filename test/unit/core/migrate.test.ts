import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../../src/config';
import { parseCypherScript } from '../../../src/neo4j/migrate';

describe('parseCypherScript', () => {
  it('splits on semicolons and drops comment lines', () => {
    expect(parseCypherScript('// note\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// more\nRETURN 1;\n')).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'RETURN 1',
    ]);
  });

  it('reads schema/neo4j.cypher as idempotent statements only', () => {
    const statements = parseCypherScript(fs.readFileSync(path.join(ROOT_DIR, 'schema', 'neo4j.cypher'), 'utf8'));
    expect(statements.length).toBeGreaterThan(7);
    for (const statement of statements) expect(statement).toMatch(/IF NOT EXISTS/);
  });
});
