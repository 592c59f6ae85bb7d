import fs from 'node:fs';
import { printApiSchema } from '../../../src/api/schema';
import { SCHEMA_FILE } from '../../../scripts/emit-schema';

describe('schema/schema.graphql', () => {
  it('is the SDL the type-graphql classes emit', async () => {
    const emitted = await printApiSchema();
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed !== emitted) {
      throw new Error('schema/schema.graphql is out of date: run `npm run build && node dist/scripts/emit-schema.js` and commit it');
    }
  });
});
