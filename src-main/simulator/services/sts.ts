import type { ResolvedOperation } from '../types';
import { AwsError } from '../errors';
import { el, parseQueryBody, writeQueryError, writeQueryResult } from '../protocols/aws-query';
import type { World } from '../world';
import type { ServiceHandler } from './service';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS (awsQuery, XML): GetCallerIdentity. */
export function createStsService(world: World): ServiceHandler {
  return {
    id: 'sts',
    resolve(req): ResolvedOperation {
      const action = parseQueryBody(req.body, req.query).get('Action') ?? '';
      if (action === 'GetCallerIdentity') return { operation: action, params: {} };
      throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2011-06-15`);
    },
    handle() {
      const xml =
        el('Arn', `arn:aws:sts::${world.accountId}:assumed-role/LunoraBoothSimulation/operator`) +
        el('UserId', 'AROASIMULATIONROLE0001:operator') +
        el('Account', world.accountId);
      return { status: 200, body: xml };
    },
    write: (res, op, out, requestId) => writeQueryResult(res, op.operation, NS, String(out.body), requestId),
    writeError: (res, err, requestId) => writeQueryError(res, err, NS, requestId),
  };
}
