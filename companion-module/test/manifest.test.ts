import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateManifest, type ModuleManifest } from '@companion-module/base';
import { describe, expect, it } from 'vitest';

const MODULE_DIR = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(MODULE_DIR, 'companion/manifest.json'), 'utf8')) as ModuleManifest;

describe('companion/manifest.json', () => {
  it('passes @companion-module/base’s own validation (strict: no template leftovers)', () => {
    expect(() => validateManifest(manifest, false)).not.toThrow();
  });

  it('names the built entry and a runtime this base supports, and its version is the package’s', () => {
    const pkg = JSON.parse(readFileSync(path.join(MODULE_DIR, 'package.json'), 'utf8')) as {
      version: string;
      main: string;
    };
    expect(manifest.version).toBe(pkg.version);
    expect(path.join('companion', manifest.runtime.entrypoint)).toBe(path.normalize(pkg.main));
    expect(manifest.runtime).toMatchObject({ type: 'node22', api: 'nodejs-ipc' });
  });

  it('is what validation refuses when a field is missing (the check can fail)', () => {
    const { products: _products, ...broken } = manifest;
    expect(() => validateManifest(broken as ModuleManifest, false)).toThrow(/validation failed/);
  });
});
