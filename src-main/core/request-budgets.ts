import type { AwsClients } from '../aws/clients';
import { TokenBucket, type TokenBucketOptions } from './flow/token-bucket';

export interface Budget {
  ratePerSec: number;
  burst: number;
}

type BudgetedService = 'mediaconnect' | 'cloudwatch';

/**
 * Every AWS request rate the console holds itself to, in one place. Each is kept under the documented limit, which
 * applies per account and Region across every caller (other consoles of the booth, the AWS console), so each leaves
 * headroom. Services without a documented request rate are not budgeted here (their own throttling is retried).
 * - MediaConnect (https://docs.aws.amazon.com/mediaconnect/latest/ug/quotas.html, "Limits for API requests"):
 *   DescribeFlow, DescribeFlowSourceMetadata and DescribeFlowSourceThumbnail 30 requests/s per account and Region;
 *   every other API 5 requests/s steady, bursts to 30, refilled at 5/s.
 * - CloudWatch (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html):
 *   GetMetricData 50 transactions/s, ListMetrics 25 transactions/s.
 */
const REQUEST_BUDGETS: Record<BudgetedService, { default: Budget; operations: Record<string, Budget> }> = {
  mediaconnect: {
    default: { ratePerSec: 4, burst: 5 },
    operations: {
      DescribeFlow: { ratePerSec: 20, burst: 20 },
      DescribeFlowSourceMetadata: { ratePerSec: 20, burst: 20 },
      DescribeFlowSourceThumbnail: { ratePerSec: 20, burst: 20 },
    },
  },
  cloudwatch: {
    default: { ratePerSec: 10, burst: 10 },
    operations: {
      GetMetricData: { ratePerSec: 40, burst: 40 },
      ListMetrics: { ratePerSec: 20, burst: 20 },
    },
  },
};

/**
 * The flow monitor's own pacing of its MediaConnect calls (polls, metadata, the backup switch): the service's shared
 * budget, so that even a monitor asked to poll every 10 ms stays under the account's limit.
 */
export function createMediaConnectBucket(clock: Pick<TokenBucketOptions, 'now' | 'timers'> = {}): TokenBucket {
  return new TokenBucket({ ...REQUEST_BUDGETS.mediaconnect.default, ...clock });
}

export function budgetFor(service: BudgetedService, operation: string): Budget {
  return REQUEST_BUDGETS[service].operations[operation] ?? REQUEST_BUDGETS[service].default;
}

/** One token bucket per budget (an operation's own, or its service's shared default), taken before each request. */
export class RequestBudgets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Pick<TokenBucketOptions, 'now' | 'timers'> = {}) {}

  take(service: BudgetedService, operation: string): Promise<void> {
    const own = REQUEST_BUDGETS[service].operations[operation] !== undefined;
    const key = own ? `${service}:${operation}` : `${service}:*`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket({ ...budgetFor(service, operation), ...this.clock });
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}

const commandOperation = (commandName: unknown) =>
  typeof commandName === 'string' ? commandName.replace(/Command$/, '') : '';

/**
 * Makes every request of the budgeted clients wait for its budget, whichever part of the console sends it (the
 * monitors, the readiness check, the admin window): SDK middleware at the initialize step.
 */
export function attachRequestBudgets(clients: Pick<AwsClients, BudgetedService>, budgets: RequestBudgets): void {
  const options = { step: 'initialize', name: 'lunoraRequestBudget', override: true } as const;
  clients.mediaconnect.middlewareStack.add(
    (next, context) => async (args) => {
      await budgets.take('mediaconnect', commandOperation(context.commandName));
      return next(args);
    },
    options,
  );
  clients.cloudwatch.middlewareStack.add(
    (next, context) => async (args) => {
      await budgets.take('cloudwatch', commandOperation(context.commandName));
      return next(args);
    },
    options,
  );
}
