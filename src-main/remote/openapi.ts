import { z } from 'zod';
import { INVOKE_ROLES, type InvokeChannel } from '../../shared/ipc/channels';
import { INVOKE_CONTRACT } from '../../shared/ipc/contract';
import { REMOTE_ROLES, type CallerRole } from '../../shared/domain/roles';

/** The channels a control-API token may call: those whose roles name a remote role. */
function remoteChannels(): InvokeChannel[] {
  return (Object.keys(INVOKE_ROLES) as InvokeChannel[]).filter((channel) =>
    (INVOKE_ROLES[channel] as readonly CallerRole[]).some((role) => (REMOTE_ROLES as readonly string[]).includes(role)),
  );
}

const failure = {
  description: 'Refused, with a typed code and a message in words',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['ok', 'code', 'message'],
        properties: { ok: { const: false }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

/** OpenAPI 3.1, generated from the same zod schemas the router parses with, so it cannot drift from them. */
export function controlApiOpenApi(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const channel of remoteChannels()) {
    const spec = INVOKE_CONTRACT[channel];
    const roles = (INVOKE_ROLES[channel] as readonly CallerRole[]).filter((r) =>
      (REMOTE_ROLES as readonly string[]).includes(r),
    );
    paths[`/api/v1/${channel}`] = {
      post: {
        operationId: channel,
        summary: `${channel} (roles: ${roles.join(', ')})`,
        security: [{ bearer: [] }],
        requestBody: {
          required: false,
          content: {
            'application/json': { schema: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) },
          },
        },
        responses: {
          '200': {
            description: 'Done',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['ok', 'data'],
                  properties: {
                    ok: { const: true },
                    data: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
                  },
                },
              },
            },
          },
          '400': failure,
          '401': failure,
          '403': failure,
          '404': failure,
          '409': failure,
          '413': failure,
          '421': failure,
          '429': failure,
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lunora Booth control API',
      version: '1',
      description:
        'Arm and take from a Stream Deck or a script. A take only takes what a remote armed, and sends one ' +
        'request. WebSocket /api/v1/socket (same bearer token) sends a snapshot, then events. Refused before ' +
        'any operation: no or wrong token (401), a browser Origin or a peer other than loopback while LAN is off ' +
        '(403), a Host that is not ours (421), a body over 16 KiB (413), a token over its rate (429).',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
