/**
 * A require hook that compiles TypeScript with @swc/core on the fly, so the export CLI test can
 * run src/export/cli.ts as a real child process (its own argv, env and exit code) without a
 * build into dist/. Used as `node -r ./test/integration/export-ts-hook.js src/export/cli.ts`.
 */
const fs = require('node:fs');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
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
