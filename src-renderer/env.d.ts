/// <reference types="vite/client" />
/// <reference types="svelte" />

import type { BoothBridge } from '../shared/ipc/bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web preview (the socket bridge stands in). */
    readonly booth?: BoothBridge;
  }
}
