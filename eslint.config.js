// Lint: typescript-eslint's recommended type-aware-free rules over src, test, bench and bin, and
// the layer check (eslint-plugin-boundaries): every folder of src/ is a layer that imports only
// the layers below it (docs/ARCHITECTURE.md), with no exceptions.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

// The layers, lowest first, and what each may import besides itself. A folder of src/ that is not
// listed here is unknown, and importing it is an error: a new folder must be declared.
const LAYERS = {
  types: [], // ambient declarations of untyped packages (src/types/*.d.ts): imported by no one
  geo: [],
  domain: ['geo'],
  engine: ['domain', 'geo'],
  places: ['domain', 'geo'],
  api: ['domain', 'geo'],
  ingest: ['domain', 'geo', 'engine', 'places'],
  report: ['domain', 'geo', 'places'],
  store: ['domain', 'geo'], // and the types of ingest and report (TYPE_ONLY)
  app: ['domain', 'geo', 'engine', 'places', 'api', 'ingest', 'report', 'store'],
};
LAYERS.demo = ['app', ...LAYERS.app];
LAYERS.server = ['app', ...LAYERS.app, 'demo'];
LAYERS.cli = ['app', ...LAYERS.app, 'demo']; // and the two server modules `serve` starts (below)

/** Imports allowed only as `import type` (erased at build time). */
const TYPE_ONLY = { store: ['ingest', 'report'], web: ['api'] };

const layerPolicy = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});
const typePolicy = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } }, dependency: { kind: 'type' } },
});

const layerCheck = {
  files: ['**/*.{ts,tsx,js}'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': [
      ...Object.keys(LAYERS).map((type) => ({ type, pattern: `src/${type}`, partialMatch: false })),
      { type: 'web', pattern: 'web/src', partialMatch: false },
      ...['test', 'bench', 'scripts', 'bin'].map((type) => ({
        type,
        pattern: type,
        partialMatch: false,
      })),
    ],
    'boundaries/files': [
      { category: 'unit-test', pattern: 'src/**/*.test.ts' },
      // test/ modules that unit tests beside the code may use: pure data and builders…
      { category: 'test-fixture', pattern: ['test/fixtures.ts', 'test/news-fixtures.ts'] },
      // …and the app-level helpers (a store in a temp folder, a sign-off scenario) for app tests.
      { category: 'test-helper', pattern: ['test/helpers.ts', 'test/scenario.ts'] },
    ],
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        checkUnknownLocals: true,
        message:
          '{{from.element.type}} must not import {{#if to.element.type}}{{to.element.type}}{{else}}a file of no declared layer{{/if}} (layers point one way: docs/ARCHITECTURE.md)',
        policies: [
          ...Object.entries(LAYERS).map(([from, to]) => layerPolicy(from, to)),
          ...Object.entries(TYPE_ONLY).map(([from, to]) => typePolicy(from, to)),
          // `truceline serve` builds the server; the CLI never reaches its routes.
          {
            from: { element: { type: 'cli' } },
            allow: {
              to: {
                element: { type: 'server', fileInternalPath: ['build-server.ts', 'web-app.ts'] },
              },
            },
          },
          layerPolicy('web', ['domain', 'geo']),
          {
            from: { file: { categories: 'unit-test' } },
            allow: { to: { file: { categories: 'test-fixture' } } },
          },
          {
            from: { element: { type: 'app' }, file: { categories: 'unit-test' } },
            allow: { to: { file: { categories: 'test-helper' } } },
          },
          ...['test', 'bench', 'scripts', 'bin'].map((from) => ({
            from: { element: { type: from } },
            allow: { to: { element: { type: '*' } } },
          })),
          // The last policy that matches decides: a fixture stays pure (domain and geo only).
          {
            from: { file: { categories: 'test-fixture' } },
            disallow: { to: { element: { types: { noneOf: ['domain', 'geo'] } } } },
          },
        ],
      },
    ],
    'boundaries/no-unknown-dependencies': 'error',
  },
};

// Every file of src/ and web/src/ belongs to a declared layer: a new folder is declared first.
const noUndeclaredFolders = {
  files: ['src/**/*.{ts,tsx,js}', 'web/src/**/*.{ts,tsx,js}'],
  rules: { 'boundaries/no-unknown-files': 'error' },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.bench-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  layerCheck,
  noUndeclaredFolders,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The web app runs in the browser.
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        EventSource: 'readonly',
        MessageEvent: 'readonly',
        KeyboardEvent: 'readonly',
        HTMLElement: 'readonly',
        HTMLDivElement: 'readonly',
        HTMLSelectElement: 'readonly',
        HTMLTableRowElement: 'readonly',
        EventTarget: 'readonly',
        ImageData: 'readonly',
        RequestInit: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        console: 'readonly',
      },
    },
  },
);
