import type { ConnectionInfo } from '../../shared/domain/connection';

export interface ModeBadgeView {
  mode: 'simulation' | 'aws' | 'unknown';
  /** profile · account · region (AWS mode). */
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
  const endpoints = info.customEndpoint ? ` Custom endpoint: ${info.endpointSources.join('; ')}.` : '';
  return {
    mode: 'aws',
    detail: [info.profile ?? 'default credentials', info.accountId ?? 'account ?', region].join(' · '),
    customEndpoint: info.customEndpoint,
    disconnected,
    title: `Stack ${info.stackName}, region ${region} (${info.regionSource}).${endpoints}${problem}`,
  };
}
