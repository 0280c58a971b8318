import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSettingsStore, defaultWebSettingsPath } from './settings-file';

describe('file settings store (web preview)', () => {
  it('keeps what was saved for the next run, owner-readable only', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'booth-settings-')), 'nested', 'settings.json');
    const store = createFileSettingsStore(file);
    store.update((s) => ({ ...s, connection: { profile: 'booth', region: 'eu-west-1', stackName: 'show' } }));
    expect(createFileSettingsStore(file).get().connection).toEqual({
      profile: 'booth',
      region: 'eu-west-1',
      stackName: 'show',
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).connection.profile).toBe('booth');
  });

  it('falls back to defaults for a damaged or missing file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'booth-settings-'));
    writeFileSync(path.join(dir, 'bad.json'), '{ not json');
    expect(createFileSettingsStore(path.join(dir, 'bad.json')).get().connection.profile).toBeNull();
    expect(createFileSettingsStore(path.join(dir, 'none.json')).get().connection.stackName).toBe('lunora-booth');
  });

  it('lives where LUNORA_SETTINGS_FILE says, else in the config folder', () => {
    expect(defaultWebSettingsPath({ LUNORA_SETTINGS_FILE: 'x/y.json' })).toBe(path.resolve('x/y.json'));
    expect(defaultWebSettingsPath({ XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/lunora-booth/web-preview-settings.json');
  });
});
