// The layer check (eslint-plugin-boundaries in eslint.config.js) can fail: an import that points
// up a layer is reported, and the imports the layers are allowed still pass.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundaries messages ESLint gives for `code` as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport { x };\n`, {
    filePath: `${root}${path}`,
  });
  return result!.messages
    .filter((m) => m.ruleId?.startsWith('boundaries/'))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it('reports domain importing the store, and passes domain importing geo', async () => {
    const up = await layerErrors('src/domain/probe.ts', "import { x } from '../store/store.ts';");
    expect(up).toHaveLength(1);
    expect(up[0]).toMatch(/^boundaries\/dependencies: domain must not import store/);
    expect(await layerErrors('src/domain/probe.ts', "import { x } from '../geo/distance.ts';")).toEqual([]); // prettier-ignore
  });

  it('lets the store import report types only', async () => {
    const rows = '../report/daily/report-rows.ts';
    expect(await layerErrors('src/store/probe.ts', `import type { x } from '${rows}';`)).toEqual([]); // prettier-ignore
    expect(await layerErrors('src/store/probe.ts', `import { x } from '${rows}';`)).toHaveLength(1);
  });

  it('lets the CLI start the server but never reach its routes', async () => {
    const ok = "import { x } from '../server/build-server.ts';";
    expect(await layerErrors('src/cli/probe.ts', ok)).toEqual([]);
    const routes = "import { x } from '../server/routes/users.ts';";
    expect(await layerErrors('src/cli/probe.ts', routes)).toHaveLength(1);
  });

  it('keeps the web to domain and geo', async () => {
    const domain = "import { x } from '../../src/domain/event-types.ts';";
    expect(await layerErrors('web/src/probe.ts', domain)).toEqual([]);
    const app = "import { x } from '../../src/app/context.ts';";
    expect(await layerErrors('web/src/probe.ts', app)).toHaveLength(1);
  });

  it('reports a folder no layer declares, and imports of it', async () => {
    const unknown = "import { x } from '../newfolder/x.ts';";
    expect(await layerErrors('src/app/probe.ts', unknown)).not.toEqual([]);
    const inUnknown = await layerErrors('src/newfolder/probe.ts', "import { x } from '../domain/types.ts';"); // prettier-ignore
    expect(inUnknown.some((m) => m.startsWith('boundaries/no-unknown-files'))).toBe(true);
  });

  it('lets unit tests use pure fixtures, and keeps the fixtures pure', async () => {
    const fixture = "import { x } from '../../test/news-fixtures.ts';";
    expect(await layerErrors('src/domain/probe.test.ts', fixture)).toEqual([]);
    const helpers = "import { x } from '../../test/helpers.ts';";
    expect(await layerErrors('src/domain/probe.test.ts', helpers)).toHaveLength(1);
    expect(await layerErrors('src/app/probe.test.ts', helpers)).toEqual([]);
    const store = "import { x } from '../src/store/store.ts';";
    expect(await layerErrors('test/fixtures.ts', store)).toHaveLength(1);
    expect(await layerErrors('test/probe.test.ts', store)).toEqual([]);
  });
});
