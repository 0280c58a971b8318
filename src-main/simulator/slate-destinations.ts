/**
 * `LUNORA_SIM_SLATES`: the destinations (ids, comma-separated) whose simulated channel also has a slate input, so they
 * can run warm (standby on the slate). Unset or empty: none, as a stack deployed before warm standby. A malformed id
 * stops the start with a message that says what to set.
 */
export function simulatedSlateDestinations(env: Record<string, string | undefined>): string[] | null {
  const raw = env['LUNORA_SIM_SLATES']?.trim();
  if (raw === undefined || raw === '') return null;
  const ids = raw.split(',').map((id) => id.trim());
  const bad = ids.find((id) => !/^[a-z0-9][a-z0-9-]*$/.test(id));
  if (bad !== undefined)
    throw new Error(
      `LUNORA_SIM_SLATES has "${bad.slice(0, 20)}": list destination ids separated by commas (e.g. LUNORA_SIM_SLATES=youtube,twitch), or unset it.`,
    );
  return ids;
}
