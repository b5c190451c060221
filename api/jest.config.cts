module.exports = {
  displayName: 'api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    // ES-module-only packages, rewritten to CommonJS for jest (the bundle loads them with Node's require(esm))
    '/node_modules/@nestjs/terminus/.+\\.js$': '<rootDir>/test/health-esm.transform.cjs',
    // the OpenAPI plugin as in the build (openapi-plugin.js), so that the tests read the document the app serves
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', astTransformers: { before: ['<rootDir>/openapi-plugin.js'] } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/terminus/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // one PostgreSQL server for the run (embedded unless DATABASE_URL is set); each spec file makes its own database
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  coverageDirectory: '../coverage/api',
};
