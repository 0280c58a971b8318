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

/** A simulator running as its own process (`npm run sim`), named by LUNORA_SIM_ENDPOINT and LUNORA_SIM_DYNAMO_ENDPOINT. */
export interface ExternalSimulator {
  endpoint: string;
  dynamoEndpoint: string;
  region: string;
}

function loopbackUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL (${value}); use the address npm run sim printed.`);
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`${name} must be an http address on this machine (127.0.0.1), as npm run sim prints it.`);
  }
  return url.origin;
}

/** The external simulator to use in simulation mode, or null to start one inside this process. */
export function externalSimulator(env: NodeJS.ProcessEnv): ExternalSimulator | null {
  const endpoint = env['LUNORA_SIM_ENDPOINT']?.trim();
  if (!endpoint) return null;
  const dynamo = env['LUNORA_SIM_DYNAMO_ENDPOINT']?.trim();
  if (!dynamo)
    throw new Error('LUNORA_SIM_ENDPOINT is set without LUNORA_SIM_DYNAMO_ENDPOINT; npm run sim prints both.');
  return {
    endpoint: loopbackUrl('LUNORA_SIM_ENDPOINT', endpoint),
    dynamoEndpoint: loopbackUrl('LUNORA_SIM_DYNAMO_ENDPOINT', dynamo),
    region: env['LUNORA_SIM_REGION']?.trim() || 'us-east-1',
  };
}
