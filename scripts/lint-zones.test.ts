import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering is enforced by eslint.config.js. Each case lints a small offending file placed (virtually) in a
 * layer and expects the zone's error; the allowed cases prove the zones do not simply refuse everything.
 * Type-aware rules are switched off here: the fixtures are not files of a tsconfig project.
 */
const repo = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: repo,
    overrideConfig: [
      { languageOptions: { parserOptions: { projectService: false, project: null } } },
      tseslint.configs.disableTypeChecked,
    ],
  });
});

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import zones', () => {
  const refused: Array<[string, string, string, RegExp]> = [
    [
      'shared/ imports src-main',
      'shared/domain/zone-fixture.ts',
      "import { createLogger } from '../../src-main/core/logger';\nexport const x = createLogger;\n",
      /no-restricted-paths: .*shared\/ imports nothing/,
    ],
    [
      'shared/ imports a Node built-in',
      'shared/domain/zone-fixture.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      /no-restricted-imports: .*no Node built-ins/,
    ],
    [
      'shared/ imports electron',
      'shared/ipc/zone-fixture.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      /no-restricted-imports: .*Only src-main\/shell and src-main\/preload import electron/,
    ],
    [
      'core imports electron',
      'src-main/core/zone-fixture.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      /no-restricted-imports: .*import electron/,
    ],
    [
      'core imports the shell',
      'src-main/core/channels/zone-fixture.ts',
      "import { hardenSession } from '../../shell/harden';\nexport const x = hardenSession;\n",
      /no-restricted-paths: .*core\/ and aws\/ are plain Node services/,
    ],
    [
      'core imports the IPC router',
      'src-main/core/zone-fixture.ts',
      "import { createRouter } from '../ipc/router';\nexport const x = createRouter;\n",
      /no-restricted-paths: .*plain Node services/,
    ],
    [
      'core imports the web preview',
      'src-main/core/zone-fixture.ts',
      "import * as web from '../web/preview-server';\nexport const x = web;\n",
      /no-restricted-paths: .*plain Node services/,
    ],
    [
      'aws/ imports the composition root',
      'src-main/aws/zone-fixture.ts',
      "import { startBoothCore } from '../app/booth-core';\nexport const x = startBoothCore;\n",
      /no-restricted-paths: .*plain Node services/,
    ],
    [
      'a core test imports the composition root',
      'src-main/core/zone-fixture.test.ts',
      "import { startBoothCore } from '../app/booth-core';\nexport const x = startBoothCore;\n",
      /no-restricted-paths: .*plain Node services/,
    ],
    [
      'the renderer imports main',
      'src-renderer/lib/zone-fixture.ts',
      "import { createLogger } from '../../src-main/core/logger';\nexport const x = createLogger;\n",
      /no-restricted-paths: .*renderer imports only shared\//,
    ],
    [
      'the renderer imports a Node built-in',
      'src-renderer/lib/zone-fixture.ts',
      "import { join } from 'path';\nexport const x = join;\n",
      /no-restricted-imports: .*no Node built-ins/,
    ],
    [
      'a renderer test imports e2e support',
      'src-renderer/lib/zone-fixture.test.ts',
      "import { launchChromium } from '../../e2e/support/browser';\nexport const x = launchChromium;\n",
      /no-restricted-paths: .*(renderer imports only|Only the e2e suite)/,
    ],
    [
      'production code imports a test-support module',
      'src-main/core/zone-fixture.ts',
      "import { FAST_TIMINGS } from '../simulator/test-support/helpers';\nexport const x = FAST_TIMINGS;\n",
      /no-restricted-imports: .*never imports test-support/,
    ],
  ];

  it.each(refused)('refuses: %s', async (_name, filePath, code, expected) => {
    const errors = await layeringErrors(filePath, code);
    expect(
      errors.some((e) => expected.test(e)),
      errors.join('\n') || 'no layering error',
    ).toBe(true);
  });

  const allowed: Array<[string, string, string]> = [
    [
      'the shell imports electron',
      'src-main/shell/zone-fixture.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
    ],
    [
      'the renderer imports shared/',
      'src-renderer/lib/zone-fixture.ts',
      "import { ROLES } from '../../shared/domain/roles';\nexport const x = ROLES;\n",
    ],
    [
      'a core test imports test support',
      'src-main/core/zone-fixture.test.ts',
      "import { FAST_TIMINGS } from '../simulator/test-support/helpers';\nexport const x = FAST_TIMINGS;\n",
    ],
    [
      'the composition root imports core',
      'src-main/app/zone-fixture.ts',
      "import { createLogger } from '../core/logger';\nexport const x = createLogger;\n",
    ],
  ];

  it.each(allowed)('allows: %s', async (_name, filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
