import { exposeBridge } from './expose-bridge';

// Preload of the admin window: see expose-bridge.ts for what is exposed and why.
exposeBridge('admin');
