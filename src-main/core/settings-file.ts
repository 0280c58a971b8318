import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSettings, type Settings, type SettingsStore } from './settings';

/** Where the web preview keeps its settings: LUNORA_SETTINGS_FILE, else the user's config folder. */
export function defaultWebSettingsPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env['LUNORA_SETTINGS_FILE']) return path.resolve(env['LUNORA_SETTINGS_FILE']);
  const base = env['XDG_CONFIG_HOME'] || path.join(os.homedir(), '.config');
  return path.join(base, 'lunora-booth', 'web-preview-settings.json');
}

/**
 * Settings in a JSON file, for the web preview (the desktop app uses electron-store). Read through
 * the schema (a damaged file falls back to defaults), written whole through a temporary file and a
 * rename, so a crash mid-write never leaves half a file; owner-only permissions.
 */
export function createFileSettingsStore(file: string): SettingsStore {
  let current: Settings;
  try {
    current = parseSettings(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    current = parseSettings({});
  }
  return {
    get: () => current,
    update(patch) {
      current = parseSettings(patch(current));
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(current, null, 2), { mode: 0o600 });
      renameSync(temporary, file);
      return current;
    },
  };
}
