/** The most destinations the simulator seeds: beyond this the tiles scroll even on a large screen and seeding is slow. */
export const MAX_SIM_DESTINATIONS = 100;

/**
 * `LUNORA_SIM_DESTINATIONS`: how many destinations the embedded simulator seeds (the booth's five first, then
 * "Extra 1"…). Unset or empty: the five. Anything but a whole number from 1 to the cap stops the start with a message
 * that says what to set, rather than a guess.
 */
export function simulatedDestinationCount(env: Record<string, string | undefined>): number | null {
  const raw = env['LUNORA_SIM_DESTINATIONS']?.trim();
  if (raw === undefined || raw === '') return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_SIM_DESTINATIONS)
    throw new Error(
      `LUNORA_SIM_DESTINATIONS is "${raw.slice(0, 20)}": set a whole number of destinations from 1 to ${MAX_SIM_DESTINATIONS} (e.g. LUNORA_SIM_DESTINATIONS=20), or unset it for the booth's five.`,
    );
  return Number(raw);
}
