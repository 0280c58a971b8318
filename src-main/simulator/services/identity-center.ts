import { AwsError } from '../errors';
import { writeRestJson, writeRestJsonError } from '../protocols/rest-json';
import type { ResolvedOperation } from '../types';
import type { World } from '../world';
import { parseJsonBody, type ServiceHandler } from './service';

/**
 * SSO OIDC (restJson1, unsigned): RegisterClient `POST /client/register`, StartDeviceAuthorization
 * `POST /device_authorization`, CreateToken `POST /token` (paths and members as in the service model
 * sso-oidc-2019-06-10 and IAM Identity Center OIDC API Reference). Errors carry the shape in x-amzn-ErrorType and
 * `error` / `error_description` in the body.
 */
export function createSsoOidcService(world: World): ServiceHandler {
  return {
    id: 'sso-oidc',
    resolve(req): ResolvedOperation {
      if (req.method === 'POST' && req.path === '/client/register') return { operation: 'RegisterClient', params: {} };
      if (req.method === 'POST' && req.path === '/device_authorization')
        return { operation: 'StartDeviceAuthorization', params: {} };
      if (req.method === 'POST' && req.path === '/token') {
        // The grant type only: the request carries a device code or refresh token that the log must not keep.
        const grant = parseJsonBody(req.body)['grantType'];
        return { operation: 'CreateToken', params: { grantType: typeof grant === 'string' ? grant : '' } };
      }
      throw new AwsError('InvalidRequestException', 400, `No SSO OIDC operation at ${req.method} ${req.path}`);
    },
    handle(op, req) {
      const body = parseJsonBody(req.body);
      switch (op.operation) {
        case 'RegisterClient':
          return { status: 200, body: world.sso.registerClient(body) };
        case 'StartDeviceAuthorization':
          return { status: 200, body: world.sso.startDeviceAuthorization(body) };
        default:
          return { status: 200, body: world.sso.createToken(body) };
      }
    },
    write: (res, _op, out, requestId) => writeRestJson(res, out, requestId),
    writeError: (res, err, requestId) => writeRestJsonError(res, err, requestId),
  };
}

/**
 * The AWS access portal (service id SSO, restJson1, bearer token in `x-amz-sso_bearer_token`): GetRoleCredentials
 * `GET /federation/credentials?account_id=&role_name=` (IAM Identity Center Portal API Reference,
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html), ListAccounts
 * `GET /assignment/accounts`, ListAccountRoles `GET /assignment/roles?account_id=`, Logout `POST /logout`.
 */
export function createSsoPortalService(world: World): ServiceHandler {
  const operations: Record<string, string> = {
    'GET /federation/credentials': 'GetRoleCredentials',
    'GET /assignment/accounts': 'ListAccounts',
    'GET /assignment/roles': 'ListAccountRoles',
    'POST /logout': 'Logout',
  };
  return {
    id: 'sso',
    resolve(req): ResolvedOperation {
      const operation = operations[`${req.method} ${req.path}`];
      if (!operation)
        throw new AwsError('InvalidRequestException', 400, `No portal operation at ${req.method} ${req.path}`);
      const accountId = req.query.get('account_id');
      return { operation, params: accountId ? { accountId } : {} };
    },
    handle(op, req) {
      const token = req.headers['x-amz-sso_bearer_token'];
      const accountId = req.query.get('account_id');
      switch (op.operation) {
        case 'GetRoleCredentials':
          return { status: 200, body: world.sso.getRoleCredentials(token, accountId, req.query.get('role_name')) };
        case 'ListAccounts':
          return { status: 200, body: world.sso.listAccounts(token) };
        case 'ListAccountRoles':
          return { status: 200, body: world.sso.listAccountRoles(token, accountId) };
        default:
          return { status: 200, body: world.sso.logout(token) };
      }
    },
    write: (res, _op, out, requestId) => writeRestJson(res, out, requestId),
    writeError: (res, err, requestId) => writeRestJsonError(res, err, requestId),
  };
}
