// Lint = code hygiene + the layering of ARCHITECTURE.md, enforced through Nx project tags.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

// Each domain library may depend on platform libraries and on the domain libraries before it:
// platform ← tenancy ← units ← rules ← accounts ← sites ← onboarding ← content ← workflow ← citizens ← online-services ← compliance ← catalog ← portal
const layers = [
  'tenancy',
  'units',
  'rules',
  'accounts',
  'notifications',
  'sites',
  'onboarding',
  'content',
  'workflow',
  'citizens',
  'online-services',
  'compliance',
  'catalog',
  'portal',
];

// Specs import libs/testing, which imports the libraries it makes fixtures for. Those edges
// exist only in spec files (production code may not import type:testing, below), so they are not
// real cycles.
const findProjects = (dir) =>
  existsSync(join(dir, 'project.json'))
    ? [JSON.parse(readFileSync(join(dir, 'project.json'), 'utf8')).name]
    : readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && !['node_modules', 'src', 'test'].includes(e.name))
        .flatMap((e) => findProjects(join(dir, e.name)));
const projectNames = ['apps', 'libs'].map((d) => join(root, d)).flatMap(findProjects);
const testingCycles = projectNames.filter((n) => n !== 'testing').map((n) => [n, 'testing']);

// Direct imports only (onlyDependOnLibsWithTags is not transitive). Production code gets no
// constraint that admits type:testing, so importing test helpers outside specs is an error.
const boundaries = (inSpecs) => {
  const allow = (tags) => (inSpecs ? [...tags, 'type:testing'] : tags);
  return {
    enforceBuildableLibDependency: false,
    // The worker's e2e specs drive the real API with the API's own test helpers (specs only).
    // So do the console's browser specs.
    allow: inSpecs
      ? [
          '../../api/test/api-under-test',
          '../../api/test/auth-session',
          '../../api/test/seeded-api',
          '../../api/test/publishing',
          '../../api/test/citizen-writes',
        ]
      : [],
    ignoredCircularDependencies: testingCycles,
    depConstraints: [
      { sourceTag: 'type:platform', onlyDependOnLibsWithTags: allow(['type:platform']) },
      ...layers.map((scope, i) => ({
        sourceTag: `scope:${scope}`,
        onlyDependOnLibsWithTags: allow(['type:platform', ...layers.slice(0, i).map((s) => `scope:${s}`)]),
      })),
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: allow(['type:platform', 'type:feature']) },
      // The console is browser code that talks to the API over HTTP only: no library of ours.
      { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: inSpecs ? allow(['type:platform', 'type:feature']) : ['scope:none'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:feature', 'type:testing'] },
    ],
  };
};

const testFiles = ['**/*.spec.ts', '**/*.spec.tsx', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // The console's React code: the rules of hooks.
    files: ['apps/admin/src/**/*.tsx', 'apps/admin/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    // The CLI and the dev scripts talk to a terminal.
    files: ['apps/cli/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.{ts,mjs}'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        AbortSignal: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
