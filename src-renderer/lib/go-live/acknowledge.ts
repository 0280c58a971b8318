/**
 * Which tile the acknowledge key acts on: the armed or focused tile when something is latched on it (an alarm, a
 * failed take), else the only tile with something latched. With several and none chosen, nothing is acknowledged:
 * the operator is told to pick one.
 */
export type AcknowledgeTarget =
  { kind: 'one'; destinationId: string } | { kind: 'none' } | { kind: 'ambiguous'; count: number };

export function acknowledgeTarget(latched: readonly string[], chosen: string | undefined): AcknowledgeTarget {
  if (chosen !== undefined && latched.includes(chosen)) return { kind: 'one', destinationId: chosen };
  const [only] = latched;
  // A tile is armed or focused but has nothing latched: never acknowledge another one behind the operator's back.
  if (chosen !== undefined) return latched.length > 1 ? { kind: 'ambiguous', count: latched.length } : { kind: 'none' };
  if (latched.length === 1 && only !== undefined) return { kind: 'one', destinationId: only };
  return latched.length > 1 ? { kind: 'ambiguous', count: latched.length } : { kind: 'none' };
}
