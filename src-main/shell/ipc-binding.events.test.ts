import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ChannelsModule from '../../shared/ipc/channels';

vi.mock('electron', async () => (await import('./test-support/electron-fake')).electronModule);
// Today both roles receive the only event channel; narrow it to the operator so the test can
// show that a window of a role the contract does not list gets nothing.
vi.mock('../../shared/ipc/channels', async (importOriginal) => {
  const original = await importOriginal<typeof ChannelsModule>();
  return { ...original, EVENT_ROLES: { 'destinations.feed': ['operator'] } };
});

import type { WebContents } from 'electron';
import { silentLogger } from '../core/logger';
import { createRouter, type InvokeHandlers } from '../ipc/router';
import { pageUrl } from './app-url';
import { bindIpc } from './ipc-binding';
import { createWindowRegistry } from './window-registry';
import { FakeWebContents, resetElectronFake } from './test-support/electron-fake';

describe('ipc binding events', () => {
  beforeEach(() => resetElectronFake());

  it('reach only the windows whose role may receive them', () => {
    const router = createRouter({} as InvokeHandlers, silentLogger);
    const registry = createWindowRegistry();
    const binding = bindIpc(router, registry, silentLogger);
    const operator = new FakeWebContents();
    const admin = new FakeWebContents();
    operator.mainFrame.url = pageUrl('operator');
    admin.mainFrame.url = pageUrl('admin');
    binding.attachWindow(operator as unknown as WebContents, 'operator');
    binding.attachWindow(admin as unknown as WebContents, 'admin');

    const snapshot = { kind: 'snapshot', seq: 1, at: 1, destinations: [] } as const;
    router.publish('destinations.feed', { ...snapshot, destinations: [] });

    expect(operator.sent).toEqual([{ channel: 'booth:destinations.feed', payload: snapshot }]);
    expect(admin.sent).toEqual([]);
  });
});
