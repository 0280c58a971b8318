import type { SeedWorld } from '../seed';
import type { ChannelWorld } from './channels';
import type { ConfidenceWorld } from './confidence';
import type { EventBus } from './events';
import type { FlowWorld } from './flow';
import type { QueueWorld } from './queues';
import type { IdentityCenterWorld } from './identity-center';
import type { SignalWorld } from './signal';
import type { ScheduleWorld } from './schedules';
import type { SourceAlarmWorld } from './source-alarms';

/** Everything the service handlers read and change. */
export interface World {
  region: string;
  accountId: string;
  seed: SeedWorld;
  channels: ChannelWorld;
  flow: FlowWorld;
  signal: SignalWorld;
  queues: QueueWorld;
  events: EventBus;
  /** IAM Identity Center: device sign-in, portal sessions, role credentials. */
  sso: IdentityCenterWorld;
  /** EventBridge Scheduler: the safety-stop schedules, fired on this clock. */
  schedules: ScheduleWorld;
  /** Thumbnails and the channels' CloudWatch figures (confidence monitoring). */
  confidence: ConfidenceWorld;
  /** CloudWatch's evaluation of the stack's source alarms. */
  sourceAlarms: SourceAlarmWorld;
  /** The simulator's clock (the real one unless a test injects its own). */
  now: () => number;
}
