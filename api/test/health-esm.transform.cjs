// @nestjs/terminus 12 ships as ES modules only: the API's bundle loads it with Node's require(esm), jest (CommonJS)
// gets it rewritten here — `import`/`export` to CommonJS, and `import.meta` (used to build a `require`) to CommonJS' own.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');

const babel = require('@babel/core');

const SELF = readFileSync(__filename, 'utf8');

module.exports = {
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update(filename).update(source).digest('hex');
  },
  process(source, filename) {
    const code = source
      .replace(/const require = createRequire\(import\.meta\.url\);/g, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.dirname/g, '__dirname')
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(');
    const out = babel.transformSync(code, {
      filename,
      babelrc: false,
      configFile: false,
      plugins: ['@babel/plugin-transform-modules-commonjs'],
      sourceMaps: 'inline',
    });
    return { code: out.code };
  },
};
