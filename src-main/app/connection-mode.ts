import type { ConnectionSettings } from '../../shared/domain/aws-profile';
import type { ExplicitRegion } from '../aws/region';
import type { Settings } from '../core/settings';

export type ConnectionChoice =
  | { mode: 'simulation'; stackName: string }
  | { mode: 'aws'; profile: string; region: ExplicitRegion | null; stackName: string };

/**
 * The connection at start: simulation unless a profile is configured. Environment variables win over saved
 * settings, so a developer can point one run elsewhere without touching them: LUNORA_MODE=simulation forces
 * the simulator; LUNORA_PROFILE / LUNORA_REGION / LUNORA_STACK choose the account. Without an explicit region
 * the region is resolved later as the SDK does (aws/region.ts).
 */
export function chooseConnection(settings: Settings, env: NodeJS.ProcessEnv): ConnectionChoice {
  const stackName = env['LUNORA_STACK']?.trim() || settings.connection.stackName;
  if (env['LUNORA_MODE']?.trim().toLowerCase() === 'simulation') return { mode: 'simulation', stackName };
  const profile = env['LUNORA_PROFILE']?.trim() || settings.connection.profile;
  if (!profile) return { mode: 'simulation', stackName };
  const fromEnv = env['LUNORA_REGION']?.trim();
  const region: ExplicitRegion | null = fromEnv
    ? { region: fromEnv, source: 'LUNORA_REGION' }
    : settings.connection.region
      ? { region: settings.connection.region, source: 'settings' }
      : null;
  return { mode: 'aws', profile, region, stackName };
}

/** What an admin chose in the Connection tab: it wins over the environment for the rest of the run. */
export function choiceFromAdmin(saved: ConnectionSettings): ConnectionChoice {
  if (!saved.profile) return { mode: 'simulation', stackName: saved.stackName };
  return {
    mode: 'aws',
    profile: saved.profile,
    region: saved.region ? { region: saved.region, source: 'settings' } : null,
    stackName: saved.stackName,
  };
}
