import { exposeBridge } from './expose-bridge';

// Preload of the operator window: see expose-bridge.ts for what is exposed and why.
exposeBridge('operator');
