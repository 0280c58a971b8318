import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { MediaConnectClient } from '@aws-sdk/client-mediaconnect';
import { vi } from 'vitest';
import type { FlowFeed, FlowState } from '../../../../shared/domain/flow';
import { silentLogger } from '../../logger';
import type { RunningSimulator } from '../../../simulator/index';

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
  middlewareStack: { add(mw: unknown, options: { step: string; name: string; priority?: 'high' | 'low' }): void };
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

/** Counts the requests a client has under way, from before it serialises to after it has parsed the answer. */
function countInFlight(client: MediaConnectClient | CloudWatchClient, counter: { inFlight: number }): void {
  (client as unknown as Stack).middlewareStack.add(
    (next: AnyHandler) => async (args: Parameters<AnyHandler>[0]) => {
      counter.inFlight += 1;
      try {
        return await next(args);
      } finally {
        counter.inFlight -= 1;
      }
    },
    { step: 'initialize', name: 'testCountInFlight', priority: 'high' },
  );
}

/**
 * Resolves once no request of these clients is under way (checked a macrotask later, so what the
 * answer set off has run too). A ManualClock settles with it: simulated time then stands still
 * while a request crosses the real socket, and a run is the same however slow the machine is.
 */
function whenIdle(counter: { inFlight: number }, timeoutMs = 5_000): () => Promise<void> {
  return () =>
    vi.waitFor(
      async () => {
        await new Promise((resolve) => setImmediate(resolve));
        if (counter.inFlight > 0) throw new Error(`${counter.inFlight} AWS request(s) still in flight`);
      },
      { timeout: timeoutMs, interval: 1 },
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
  const counter = { inFlight: 0 };
  countInFlight(mediaconnect, counter);
  countInFlight(cloudwatch, counter);
  return {
    mediaconnect,
    cloudwatch,
    logger: silentLogger,
    /** Settles when neither client has a request under way (see whenIdle). */
    idle: whenIdle(counter),
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
