/**
 * The OpenAPI document's metadata comes from the @nestjs/swagger compiler plugin, which reads the
 * contract's class-validator DTOs (`*.dto.ts`) and the controllers at compile time, without decorating
 * them for Swagger. One set of options for both compilations:
 * - the build (webpack.config.js: `transformers: [{ name: '@nestjs/swagger/plugin', options }]`);
 * - the tests (jest.config.cts: ts-jest's `astTransformers`, through `factory` below), so that the
 *   document the tests read is the one the built app serves.
 */
const { before } = require('@nestjs/swagger/plugin');

const options = { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] };

module.exports = {
  options,
  // ts-jest's AST transformer: its name and version enter ts-jest's cache key
  name: 'jalons-openapi-plugin',
  version: 1,
  factory: (compiler) => before(options, compiler.program),
};
