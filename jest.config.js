// One Jest run for the whole workspace: unit specs, integration specs (real Postgres/Redis) and
// e2e specs (the booted API). Each spec file gets its own database copied from a migrated template
// (see libs/testing), so files run in parallel.
const { paths } = require('./tsconfig.base.json').compilerOptions;

const moduleNameMapper = Object.fromEntries(Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]));

// Portal pages are TSX: JSX compiled for preact, rendered to strings on the server only.
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic', importSource: 'preact' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.{spec,int-spec,e2e-spec}.ts'],
  transform: { '^.+\\.ts$': swc(false), '^.+\\.tsx$': swc(true), '^.+\\.m?js$': swc(false) },
  // ESM-only packages that Node 20 can require() natively but Jest's module system cannot.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper,
  globalSetup: '<rootDir>/libs/testing/jest-global-setup.js',
  setupFiles: ['reflect-metadata'],
  // One worker a processor, three at least (CI included): the specs wait on PostgreSQL, Redis and
  // Chromium more than they compute. On the 2-core CI machine three instead of two took Jest from
  // about 800 s to 680 s (2026-12-03, clean clone, nothing else running), the processors then busy
  // 88 % of the time.
  maxWorkers: Math.max(3, require('node:os').availableParallelism()),
  testTimeout: 30000,
};
