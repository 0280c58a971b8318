import type { Armed, Costs, Destination, DestinationsFeed, RemoteArm, RemoteSwitchArm, SocketFrame } from './wire.js';

/**
 * The console as this module knows it: the tiles, what is armed, the costs. Fed by the socket (a snapshot, then
 * events); read by the feedbacks and variables. Plain data, so it is tested without Companion.
 */
export class BoothState {
  readonly destinations = new Map<string, Destination>();
  armed: RemoteArm | null = null;
  switchArmed: RemoteSwitchArm | null = null;
  costs: Costs | null = null;
  #seq = -1;

  /** Applies one socket frame; true when something shown may have changed. */
  apply(frame: SocketFrame): boolean {
    if (frame.type === 'snapshot') {
      if (frame.destinations.ok) this.#applyDestinations(frame.destinations.data);
      if (frame.armed.ok) this.#applyArmed(frame.armed.data);
      if (frame.costs.ok) this.costs = frame.costs.data;
      return true;
    }
    if (frame.type !== 'event') return false;
    switch (frame.channel) {
      case 'destinations.feed':
        return this.#applyDestinations(frame.payload as DestinationsFeed);
      case 'remote.armedFeed':
        this.#applyArmed(frame.payload as Armed);
        return true;
      case 'costs.feed':
        this.costs = frame.payload as Costs;
        return true;
      default:
        return false;
    }
  }

  /** What an action's answer says is armed now (arm, disarm, arm switch), before its event arrives. */
  applyArmed(armed: Armed): void {
    this.#applyArmed(armed);
  }

  /** An arm that expired in the console is gone here too, even before the console says so. */
  armedNow(now: number): { armed: RemoteArm | null; switchArmed: RemoteSwitchArm | null } {
    return {
      armed: this.armed && this.armed.expiresAt > now ? this.armed : null,
      switchArmed: this.switchArmed && this.switchArmed.expiresAt > now ? this.switchArmed : null,
    };
  }

  #applyArmed(armed: Armed): void {
    this.armed = armed.armed;
    this.switchArmed = armed.switchArmed ?? null;
  }

  #applyDestinations(feed: DestinationsFeed): boolean {
    // A delta older than what is shown (a snapshot crossed it) would show a state the console has left.
    if (feed.kind === 'delta' && feed.seq <= this.#seq) return false;
    this.#seq = feed.seq;
    if (feed.kind === 'snapshot') {
      this.destinations.clear();
      for (const d of feed.destinations) this.destinations.set(d.id, d);
      return true;
    }
    for (const d of feed.changed) this.destinations.set(d.id, d);
    for (const id of feed.removed) this.destinations.delete(id);
    return true;
  }
}
