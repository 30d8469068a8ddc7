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
  // Two workers at least: the specs wait on PostgreSQL, Redis and Chromium more than they compute,
  // and one worker on a 2-core machine nearly doubles the run.
  maxWorkers: process.env.CI ? 2 : Math.max(2, Math.floor(require('node:os').availableParallelism() / 2)),
  testTimeout: 30000,
};
