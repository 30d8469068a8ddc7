// Lint = code hygiene + the layering of ARCHITECTURE.md, enforced through Nx project tags.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

// Each domain library may depend on platform libraries and on the domain libraries before it:
// platform ← tenancy ← rules ← accounts ← sites ← content ← workflow ← compliance
const layers = ['tenancy', 'rules', 'accounts', 'sites', 'content', 'workflow', 'compliance'];
const domainConstraints = layers.map((scope, i) => ({
  sourceTag: `scope:${scope}`,
  onlyDependOnLibsWithTags: ['type:platform', ...layers.slice(0, i).map((s) => `scope:${s}`)],
}));

const boundaries = (allowTesting) => ({
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
    ...domainConstraints,
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:platform', 'type:feature'] },
    {
      sourceTag: 'type:testing',
      onlyDependOnLibsWithTags: ['type:platform', 'type:feature'],
    },
    // Test helpers are for specs only: production code importing them is a lint error.
    ...(allowTesting
      ? [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }]
      : [{ sourceTag: '*', notDependOnLibsWithTags: ['type:testing'] }]),
  ],
});

const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
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
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', Buffer: 'readonly', AbortSignal: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
