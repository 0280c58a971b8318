import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import type { FlowFeed, FlowState } from '../../../shared/domain/flow';
import { silentLogger } from '../logger';
import type { RunningSimulator } from '../../simulator/index';

/** What a client sent: the SDK input and, for REST/JSON, the body on the wire. */
export interface SentRequest {
  command: string;
  input: Record<string, unknown>;
  body: string | undefined;
}

type AnyHandler = (args: {
  input: Record<string, unknown>;
  request?: { body?: unknown };
}) => Promise<{ output: Record<string, unknown> }>;
interface Stack {
  middlewareStack: { add(mw: unknown, options: { step: string; name: string }): void };
}

/** Records every request a client sends (tests only; the console never logs request bodies). */
export function captureRequests(client: MediaConnectClient | CloudWatchClient): SentRequest[] {
  const sent: SentRequest[] = [];
  (client as unknown as Stack).middlewareStack.add(
    (next: AnyHandler, context: { commandName?: string }) => async (args: Parameters<AnyHandler>[0]) => {
      const body = args.request?.body;
      sent.push({
        command: context.commandName ?? '?',
        input: args.input,
        body: typeof body === 'string' ? body : undefined,
      });
      return next(args);
    },
    { step: 'build', name: 'testCaptureRequests' },
  );
  return sent;
}

/** Makes GetMetricData answer "Complete, no datapoints" for every query while `on()` is true. */
export function emptyMetricAnswers(client: CloudWatchClient, on: () => boolean): void {
  (client as unknown as Stack).middlewareStack.add(
    (next: AnyHandler) => async (args: Parameters<AnyHandler>[0]) => {
      const result = await next(args);
      if (!on()) return result;
      const results = (result.output['MetricDataResults'] as Array<Record<string, unknown>> | undefined) ?? [];
      result.output['MetricDataResults'] = results.map((r) => ({ ...r, Timestamps: [], Values: [] }));
      return result;
    },
    { step: 'initialize', name: 'testEmptyMetrics' },
  );
}

export function simClients(sim: RunningSimulator) {
  const config = {
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    maxAttempts: 1,
    requestHandler: { requestTimeout: 5_000, throwOnRequestTimeout: true },
  };
  const mediaconnect = new MediaConnectClient(config);
  const cloudwatch = new CloudWatchClient(config);
  return {
    mediaconnect,
    cloudwatch,
    logger: silentLogger,
    destroy: () => [mediaconnect, cloudwatch].forEach((c) => c.destroy()),
  };
}

/** Follows the feed like a window does: snapshot, then deltas. */
export function follow() {
  let state: FlowState | null = null;
  const feeds: FlowFeed[] = [];
  return {
    feeds,
    publish: (feed: FlowFeed) => {
      feeds.push(feed);
      if (feed.kind === 'snapshot' || feed.flow) state = feed.flow;
    },
    state: () => state,
  };
}

export async function until(
  predicate: () => boolean,
  timeoutMs = 5_000,
  describe: () => unknown = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(describe())}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
