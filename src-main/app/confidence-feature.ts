import { healthProblems, type OutputHealth } from '../../shared/domain/confidence';
import { ON_AIR_STATES } from '../../shared/domain/channel';
import type { CONFIDENCE_INVOKE_ROLES } from '../../shared/ipc/features/confidence.roles';
import { ConfidenceMonitor, type ConfidenceOptions } from '../core/confidence/confidence-monitor';
import type { Feature, FeatureContext } from './feature';

export type ConfidenceChannel = keyof typeof CONFIDENCE_INVOKE_ROLES;

/**
 * Confidence monitoring for the operator window: thumbnails and output figures of the running destinations it shows.
 * A destination whose figures go bad raises one alarm (the tray and the incident log), and one line when they clear.
 */
export function createConfidenceFeature(
  context: FeatureContext,
  options?: Partial<ConfidenceOptions>,
): Feature<ConfidenceChannel> {
  const troubled = new Map<string, string>();
  const nameOf = (id: string) => context.destinations.find((d) => d.id === id)?.name ?? id;
  const onHealth = (id: string, health: OutputHealth) => {
    if (health.status !== 'ok') return;
    const bad = healthProblems(health).filter((p) => p.tone === 'bad');
    const words = bad.map((p) => p.text).join(', ');
    const before = troubled.get(id);
    if (bad.length > 0 && before === undefined) {
      troubled.set(id, words);
      const title = `${nameOf(id)}: output in trouble`;
      context.incidents.record({ kind: 'alarm', level: 'error', title, detail: words, at: context.now() });
      context.notifier.notify({
        inIncidentLog: true,
        level: 'error',
        kind: 'alert',
        title,
        message: `MediaLive reports ${words}.`,
      });
    } else if (bad.length === 0 && before !== undefined) {
      troubled.delete(id);
      context.notifier.notify({
        level: 'success',
        kind: 'state',
        title: `${nameOf(id)}: output healthy again`,
        message: `No longer: ${before}.`,
      });
    }
  };
  const monitor = new ConfidenceMonitor({
    medialive: context.clients.medialive,
    mediaconnect: context.clients.mediaconnect,
    cloudwatch: context.clients.cloudwatch,
    flowArn: context.stack.flowArn,
    destinations: () =>
      context.monitor.snapshot().destinations.map((d) => ({
        id: d.id,
        channelId: d.channelId,
        // The last confirmed state: an unconfirmed one is not a reason to ask AWS for a picture it may not have.
        running: ON_AIR_STATES.has(d.state) && d.unconfirmed === null,
      })),
    publish: (update) => context.publish('confidence.feed', update),
    onHealth,
    ...(options ? { options } : {}),
  });
  return {
    handlers: {
      'confidence.snapshot': async () => monitor.snapshot(),
      'confidence.watch': async (input, caller) => ({ watching: monitor.watch(caller.role, input) }),
    },
    start: () => monitor.start(),
    stop: () => monitor.stop(),
  };
}
