import type { Settings } from '../core/settings';

export type ConnectionChoice =
  { mode: 'simulation'; stackName: string } | { mode: 'aws'; profile: string; region: string; stackName: string };

/**
 * Simulation unless a profile is configured. Environment variables win over saved settings,
 * so a developer can point one run elsewhere without touching them:
 * LUNORA_MODE=simulation forces the simulator; LUNORA_PROFILE / LUNORA_REGION / LUNORA_STACK choose the account.
 */
export function chooseConnection(settings: Settings, env: NodeJS.ProcessEnv): ConnectionChoice {
  const stackName = env['LUNORA_STACK']?.trim() || settings.connection.stackName;
  if (env['LUNORA_MODE']?.trim().toLowerCase() === 'simulation') return { mode: 'simulation', stackName };
  const profile = env['LUNORA_PROFILE']?.trim() || settings.connection.profile;
  if (!profile) return { mode: 'simulation', stackName };
  const region = env['LUNORA_REGION']?.trim() || settings.connection.region;
  return { mode: 'aws', profile, region, stackName };
}
