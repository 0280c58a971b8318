import { afterEach } from 'vitest';
import { silentLogger } from '../../core/logger';
import { createMemorySettingsStore } from '../../core/settings';
import { startBoothCore, type BoothCore, type BoothCoreOptions } from '../booth-core';

/**
 * A whole console core on its embedded simulator for each test (memory settings, no logging, no AWS environment),
 * closed after the test; a second start in one test closes the first.
 */
export function useBoothCore(): (options?: Partial<BoothCoreOptions>) => Promise<BoothCore> {
  let core: BoothCore | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });
  return async (options = {}) => {
    await core?.close();
    core = await startBoothCore({ settings: createMemorySettingsStore(), logger: silentLogger, env: {}, ...options });
    return core;
  };
}
