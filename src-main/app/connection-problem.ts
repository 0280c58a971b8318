import type { ConnectionProblem } from '../../shared/domain/connection';
import { mapAwsError } from '../aws/errors';

export interface ProblemContext {
  mode: 'simulation' | 'aws';
  profile: string | null;
  region: string;
  stackName: string;
}

const WHERE_TO_FIX = 'in the admin window (Connection & readiness)';

/** No setting, variable or profile names a region: the SDK would refuse with "Region is missing". */
export function missingRegion(profile: string): ConnectionProblem {
  return {
    kind: 'region',
    message: `No region is set: profile ${profile} has no region, and neither AWS_REGION nor AWS_DEFAULT_REGION is set.`,
    fix: `Choose the region ${WHERE_TO_FIX}, or add "region = …" to profile ${profile} in ~/.aws/config.`,
  };
}

/** The stack answered but lacks the outputs the console cannot run without. */
export function missingOutputs(context: ProblemContext, outputs: string[]): ConnectionProblem {
  return {
    kind: 'stack-outputs',
    message: `Stack ${context.stackName} in ${context.region} has no ${outputs.join(' or ')} output.`,
    fix: 'Deploy the root template of cloudformation/ (booth.yaml): it re-exports every output the console reads.',
  };
}

/** Why connecting failed, as the item to fix: the region, the stack name, a permission or the sign-in. */
export function connectionProblem(error: unknown, context: ProblemContext): ConnectionProblem {
  const mapped = mapAwsError(error, `Connect to stack ${context.stackName}`);
  const where = context.mode === 'simulation' ? `${context.region} (the built-in simulator)` : context.region;
  const who = context.profile ? `profile ${context.profile}` : 'these credentials';
  switch (mapped.code) {
    case 'not-found':
    case 'validation':
      return {
        kind: 'stack',
        message: `There is no stack "${context.stackName}" in ${where} for ${who}.`,
        fix: `Check the stack name and the region ${WHERE_TO_FIX} and save: the console reconnects at once. A stack deployed in another region is not visible from ${context.region}.`,
      };
    case 'access-denied':
      return {
        kind: 'access-denied',
        message: `${who.charAt(0).toUpperCase()}${who.slice(1)} may not read stack ${context.stackName} in ${where}.`,
        fix: `Attach the stack's operator policy to the role of ${who}, or choose another profile ${WHERE_TO_FIX}; then retry.`,
      };
    case 'expired-credentials':
      return {
        kind: 'sign-in',
        message: `The sign-in of ${who} has expired or could not be loaded.`,
        fix: context.profile
          ? `Press Sign in (or run aws sso login --profile ${context.profile}), then retry.`
          : 'Sign in again, then retry.',
      };
    case 'network':
    case 'timeout':
    case 'unavailable':
    case 'throttled':
      return {
        kind: 'network',
        message: `AWS did not answer from ${where}.`,
        fix: 'Check the network connection (and any custom endpoint), then retry.',
      };
    default:
      return {
        kind: 'other',
        message: `Stack ${context.stackName} in ${where} could not be read: ${mapped.message}`,
        fix: 'Retry; if it persists, run the readiness check and check the connection settings.',
      };
  }
}
