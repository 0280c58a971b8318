/**
 * What the console's control API sends, as far as this module reads it (the API's own description is its
 * /openapi.json). The module is packaged on its own, so it carries these few shapes rather than the console's code.
 */

export type Result<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface WarmStatus {
  mode: 'cold' | 'warm';
  /** INPUT_UNCONFIRMED: running, and the console has not read yet which input it ingests (slate or live). */
  phase: 'OFF' | 'STARTING_TO_STANDBY' | 'STANDBY' | 'SWITCHING' | 'ON_AIR' | 'INPUT_UNCONFIRMED';
  /** Since when the input has been unconfirmed (epoch ms); absent from consoles that do not send it. */
  inputUnconfirmedSince?: number | null;
}

export interface Destination {
  id: string;
  name: string;
  /** MediaLive's channel state as last confirmed (IDLE, STARTING, RUNNING…), or MISSING / UNKNOWN. */
  state: string;
  runningSince: number | null;
  /** Set while the state cannot be confirmed: `state` is then the last confirmed one. */
  unconfirmed: { since: number; lastConfirmedAt: number | null; reason: string } | null;
  alarm: { kind: string; message: string; at: number } | null;
  lastError: { message: string; action?: 'start' | 'stop' } | null;
  bitrateBps: number | null;
  warm?: WarmStatus;
}

export type DestinationsFeed =
  | { kind: 'snapshot'; seq: number; destinations: Destination[] }
  | { kind: 'delta'; seq: number; changed: Destination[]; removed: string[] };

export interface RemoteArm {
  destinationId: string;
  by: string;
  expiresAt: number;
}

export interface RemoteSwitchArm {
  target: 'main' | 'backup';
  by: string;
  expiresAt: number;
}

export interface Armed {
  armed: RemoteArm | null;
  switchArmed?: RemoteSwitchArm | null;
}

export interface Costs {
  destinations: { id: string; usd: number; idleUsd: number; usdPerHour: number }[];
  totalUsd: number;
  usdPerHour: number;
}

/** Frames of the socket: a snapshot first, then events, and the results of requests sent on it. */
export type SocketFrame =
  | { type: 'snapshot'; destinations: Result<DestinationsFeed>; armed: Result<Armed>; costs: Result<Costs> }
  | { type: 'event'; channel: string; payload: unknown }
  | { type: 'result'; id: unknown; result: unknown };
