import type { ConnectionInfo } from '../../shared/domain/connection';
import { describeCaller } from '../../shared/domain/caller-identity';

export interface ModeBadgeView {
  mode: 'simulation' | 'aws' | 'unknown';
  /** profile · user · account · region (AWS mode; the user from STS GetCallerIdentity). */
  detail: string;
  customEndpoint: boolean;
  /** The stack could not be read: the console runs without tiles. */
  disconnected: boolean;
  title: string;
}

/** What the status bar's mode badge says: where requests go, where the region came from, any custom endpoint. */
export function modeBadge(info: ConnectionInfo | null, error: string | null = null): ModeBadgeView {
  if (!info)
    return {
      mode: 'unknown',
      detail: error ? 'MODE UNKNOWN' : 'CONNECTING…',
      customEndpoint: false,
      disconnected: false,
      title: error ?? 'Asking the console core',
    };
  const disconnected = info.status === 'failed';
  const problem = info.problem ? ` Not connected: ${info.problem.message}` : '';
  if (info.mode === 'simulation')
    return {
      mode: 'simulation',
      detail: '',
      customEndpoint: false,
      disconnected,
      title: `Simulated AWS on this computer: nothing reaches real platforms. Stack ${info.stackName}.${problem}`,
    };
  const region = info.region ?? 'no region';
  const who = describeCaller(info.caller);
  const endpoints = info.customEndpoint ? ` Custom endpoint: ${info.endpointSources.join('; ')}.` : '';
  return {
    mode: 'aws',
    detail: [info.profile ?? 'default credentials', info.caller?.user, info.accountId ?? 'account ?', region]
      .filter((part): part is string => typeof part === 'string' && part !== '')
      .join(' · '),
    customEndpoint: info.customEndpoint,
    disconnected,
    title: `${who ? `Signed in as ${who} in account ${info.accountId ?? '?'}. ` : ''}Stack ${info.stackName}, region ${region} (${info.regionSource}).${endpoints}${problem}`,
  };
}
