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
