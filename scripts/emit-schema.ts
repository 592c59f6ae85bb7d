/**
 * Writes schema/schema.graphql: the SDL emitted from the type-graphql classes (src/api). Run it
 * after changing the API, and commit the file; a unit test (test/unit/api/schema-file.test.ts)
 * fails while the committed file differs from what the classes emit.
 *
 *   npm run build && node dist/scripts/emit-schema.js
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../src/config';
import { printApiSchema } from '../src/api/schema';

export const SCHEMA_FILE = path.join(ROOT_DIR, 'schema', 'schema.graphql');

async function main(): Promise<void> {
  const sdl = await printApiSchema();
  fs.writeFileSync(SCHEMA_FILE, sdl, 'utf8');
  process.stdout.write(`wrote ${path.relative(ROOT_DIR, SCHEMA_FILE)} (${sdl.split('\n').length} lines)\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`emit-schema failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
