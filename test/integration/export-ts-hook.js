/**
 * A require hook that compiles TypeScript with @swc/core on the fly, so the export CLI test can
 * run src/export/cli.ts as a real child process (its own argv, env and exit code) without a
 * build into dist/. Used as `node -r ./test/integration/export-ts-hook.js src/export/cli.ts`.
 */
const fs = require('node:fs');
const swc = require('@swc/core');

const extensions = require.extensions;
// Node tries extensions in insertion order; .ts goes first so that `./gazetteer` finds
// gazetteer.ts rather than a gazetteer.json data file beside it, as the TypeScript build does.
const others = Object.entries(extensions);
for (const [ext] of others) delete extensions[ext];

extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

for (const [ext, load] of others) extensions[ext] = load;
