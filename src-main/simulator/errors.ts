/** An AWS service error as the simulator will put it on the wire. */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extra: Record<string, unknown>;
  /** awsQuery / query-compatible fault type. */
  readonly faultType: 'Sender' | 'Receiver';

  constructor(code: string, status: number, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
    this.extra = extra;
    this.faultType = status >= 500 ? 'Receiver' : 'Sender';
  }
}

export const isAwsError = (e: unknown): e is AwsError => e instanceof AwsError;
