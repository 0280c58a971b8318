import type { WarmStatus } from '../warm-standby';

/** A warm destination's standby status as main publishes it, for tests: capable, OFF, nothing read, unless told. */
export function warmStatus(extra: Partial<WarmStatus> = {}): WarmStatus {
  return {
    mode: 'warm',
    capable: true,
    whyNot: null,
    liveAttachment: 'live',
    slateAttachment: 'slate',
    activeAttachment: null,
    activeReadAt: null,
    inputUnconfirmedSince: null,
    phase: 'OFF',
    switchingTo: null,
    switchSince: null,
    standbySince: null,
    standbyPerHour: 0.56,
    inputLossSlate: true,
    standard: false,
    ...extra,
  };
}
