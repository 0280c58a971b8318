import type { ChannelHealthOverride, ConfidenceWorld, ThumbnailFault } from './world/confidence';

/**
 * /_sim/confidence: thumbnail faults and channel figures.
 * - POST /_sim/confidence/thumbnails/{channelId|flow} {"fault": "withheld"|"corrupt"|"garbled"|"oversize"|null}
 * - POST /_sim/confidence/thumbnail-state/{channelId} {"enabled": boolean} (an idle channel, as UpdateChannel)
 * - POST /_sim/confidence/health/{channelId} {networkOutMbps?, activeAlerts?, fillMsec?, inputLossSeconds?, audioDbfs?}
 * - DELETE /_sim/confidence/health/{channelId} (back to the figures the world's state gives)
 * Throttling and server errors of DescribeThumbnails are ordinary faults (/_sim/faults, operation DescribeThumbnails).
 */
export function confidenceRoute(
  confidence: ConfidenceWorld,
  method: string,
  rest: string[],
  body: () => Record<string, unknown>,
): unknown {
  const [what, target] = rest;
  if (!target || rest.length !== 2) return undefined;
  if (what === 'thumbnails' && method === 'POST') {
    const fault = body()['fault'] ?? null;
    confidence.setThumbnailFault(target, fault as ThumbnailFault | null);
    return { target, fault };
  }
  if (what === 'thumbnail-state' && method === 'POST') {
    const enabled = body()['enabled'];
    if (typeof enabled !== 'boolean') throw new Error('enabled must be true or false');
    return { channel: confidence.setChannelThumbnails(target, enabled) };
  }
  if (what === 'health' && method === 'POST') {
    const o = body();
    const override: ChannelHealthOverride = {};
    for (const key of ['networkOutMbps', 'activeAlerts', 'fillMsec', 'inputLossSeconds', 'audioDbfs'] as const) {
      const v = o[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${key} must be a number`);
      override[key] = v;
    }
    confidence.setChannelHealth(target, override);
    return { channelId: target, override };
  }
  if (what === 'health' && method === 'DELETE') {
    confidence.setChannelHealth(target, null);
    return { channelId: target, override: null };
  }
  return undefined;
}
