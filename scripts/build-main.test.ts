import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** What the packaged app can load: built-ins, Electron, and the production dependencies electron-builder ships. */
function shippable(specifier: string): boolean {
  if (specifier.startsWith('node:') || specifier === 'electron') return true;
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  return Object.hasOwn(pkg.dependencies, name);
}

describe('main and preload bundles', () => {
  it('build, with sandboxed preloads that require nothing but electron, and a main that imports only shipped packages', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-main.mjs')], { cwd: root, stdio: 'pipe' });
    for (const role of ['operator', 'admin']) {
      const preload = readFileSync(path.join(root, `out/preload/${role}.cjs`), 'utf8');
      expect([...new Set([...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(['electron']);
      expect(preload).not.toMatch(/process\.env/);
    }
    const main = readFileSync(path.join(root, 'out/main/main.mjs'), 'utf8');
    const imports = [...new Set([...main.matchAll(/^import .* from "([^"]+)";?$/gm)].map((m) => m[1]!))];
    expect(imports.length).toBeGreaterThan(5);
    expect(imports.filter((specifier) => !shippable(specifier))).toEqual([]);
  });
});
