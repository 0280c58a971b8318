import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/**
 * The SDK service ids of every service the console calls. The SDK derives the endpoint settings from
 * them: AWS_ENDPOINT_URL_<ID upper-cased, spaces as _> and, in a `services` section, `<id lower-cased>`
 * (AWS SDKs and Tools Reference Guide, "Identifiers for service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/ss-endpoints-table.html; @smithy/middleware-endpoint
 * getEndpointUrlConfig).
 */
const SERVICE_IDS = [
  'MediaLive',
  'MediaConnect',
  'CloudWatch',
  'STS',
  'CloudFormation',
  'DynamoDB',
  'SQS',
  'EventBridge',
  'S3',
] as const;

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/**
 * Every endpoint setting in force for this profile and environment, in words ("AWS_ENDPOINT_URL",
 * "profile localstack endpoint_url", "services section local: medialive"); empty when every request goes
 * to AWS's own endpoints. The settings are those of "Service-specific endpoints" (AWS SDKs and Tools
 * Reference Guide, https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html):
 * AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, a profile's endpoint_url, the `services` section the
 * profile names; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile's ignore_configured_endpoint_urls
 * set to true switches all of them off.
 */
export async function configuredEndpoints(profile: string | null, env: NodeJS.ProcessEnv): Promise<string[]> {
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const section = profile ? configFile[profile] : undefined;
  const ignoreVariable = env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'];
  const ignored =
    ignoreVariable !== undefined ? isTrue(ignoreVariable) : isTrue(section?.['ignore_configured_endpoint_urls']);
  if (ignored) return [];
  const sources: string[] = [];
  if (env['AWS_ENDPOINT_URL']?.trim()) sources.push('AWS_ENDPOINT_URL');
  for (const id of SERVICE_IDS) {
    const variable = `AWS_ENDPOINT_URL_${id.toUpperCase().replace(/ /g, '_')}`;
    if (env[variable]?.trim()) sources.push(variable);
  }
  if (section?.['endpoint_url']?.trim()) sources.push(`profile ${profile} endpoint_url`);
  const servicesName = section?.['services']?.trim();
  if (servicesName) {
    const services = configFile[`services.${servicesName}`] ?? {};
    const overridden = SERVICE_IDS.map((id) => id.toLowerCase().replace(/ /g, '_')).filter((key) =>
      services[`${key}.endpoint_url`]?.trim(),
    );
    if (overridden.length > 0) sources.push(`services section ${servicesName}: ${overridden.join(', ')}`);
  }
  return sources;
}
