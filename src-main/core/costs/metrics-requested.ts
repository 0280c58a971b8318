import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

/**
 * Counts the metrics every GetMetricData request of this client asks for, whichever part of the console sends it:
 * GetMetricData is billed per metric requested, and is not in CloudWatch's free tier ("Which API should I use,
 * GetMetricData or GetMetricStatistics?", https://repost.aws/knowledge-center/cloudwatch-getmetricdata-api; rates on
 * Amazon CloudWatch Pricing, https://aws.amazon.com/cloudwatch/pricing/). SDK middleware at the initialize step, so
 * each send is counted once, as each is a request.
 */
export function countMetricsRequested(cloudwatch: CloudWatchClient, record: (metrics: number) => void): void {
  cloudwatch.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetMetricDataCommand') {
        const queries = (args.input as { MetricDataQueries?: unknown[] }).MetricDataQueries;
        if (Array.isArray(queries) && queries.length > 0) record(queries.length);
      }
      return next(args);
    },
    { step: 'initialize', name: 'lunoraMetricsRequested', override: true },
  );
}
