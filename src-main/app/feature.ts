import type { ConnectionInfo } from '../../shared/domain/connection';
import type { AwsClients } from '../aws/clients';
import type { ChannelMonitor, ConfiguredDestination } from '../core/channels/channel-monitor';
import type { Logger } from '../core/logger';
import type { Notifier } from '../core/notifications/notifier';
import type { IncidentLog } from '../core/incidents/incident-log';
import type { OfflineCatalog } from '../core/catalog-cache';
import type { DestinationStore } from '../core/destinations/destination-store';
import type { PresetStore } from '../core/presets/preset-store';
import type { SettingsStore } from '../core/settings';
import type { StackTopology } from '../core/stack/stack-outputs';
import type { InvokeHandlers, Router } from '../ipc/router';

/** What every feature of the core may use; built once by booth-core. */
export interface FeatureContext {
  clients: AwsClients;
  connection: ConnectionInfo;
  stack: StackTopology;
  destinations: ConfiguredDestination[];
  monitor: ChannelMonitor;
  notifier: Notifier;
  /** The session's incident log (notifications reach it by themselves). */
  incidents: IncidentLog;
  presetStore: PresetStore;
  destinationStore: DestinationStore;
  /** Tells whether the presets and destinations come from the offline copy. */
  catalog: OfflineCatalog;
  settings: SettingsStore;
  logger: Logger;
  publish: Router['publish'];
  now: () => number;
  /** Called after every change of the destinations feed. */
  onDestinationsChanged(listener: () => void): () => void;
}

/** A feature contributes the handlers of its own channels, and may run in the background while the core runs. */
export interface Feature<C extends keyof InvokeHandlers> {
  handlers: Pick<InvokeHandlers, C>;
  start?(): void | Promise<void>;
  stop?(): void | Promise<void>;
}
