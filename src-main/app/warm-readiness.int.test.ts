import { afterEach, describe, expect, it } from 'vitest';
import type { ReadinessItem, ReadinessReport } from '../../shared/domain/readiness';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore } from '../core/settings';
import { SLATE_CLIP_KEY, slateBucket } from '../simulator/seed-slate';
import { startBoothCore, type BoothCore } from './booth-core';

let core: BoothCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const BUCKET = slateBucket('123456789012');

async function warmItem(): Promise<ReadinessItem> {
  const result = await core!.router.invoke('readiness.run', {}, { role: 'operator' });
  if (!result.ok) throw new Error(result.message);
  return (result.data as ReadinessReport).items.find((i) => i.id === 'warm-standby')!;
}

async function start(): Promise<BoothCore> {
  core = await startBoothCore({
    settings: createMemorySettingsStore(),
    logger: silentLogger,
    env: {},
    simulator: { slateDestinations: ['youtube', 'twitch'] },
  });
  return core;
}

const s3Requests = () => core!.simulator!.control.requests({ service: 's3' }).map((r) => r.operation);

describe('readiness: the slate file of each warm-capable destination is in S3', () => {
  it('checks the shared slate file once (HeadObject on the loopback S3) and passes it', async () => {
    await start();
    const item = await warmItem();
    expect(item.status).toBe('info');
    expect(item.detail).toMatch(/^Can run warm: YouTube Live, Twitch\. Cold only/);
    expect(s3Requests()).toEqual(['HeadObject']);
  });

  it('a missing slate file: those destinations cannot run warm, and why', async () => {
    await start();
    core!.simulator!.s3.deleteObject(BUCKET, SLATE_CLIP_KEY);
    const item = await warmItem();
    expect(item.status).toBe('warn');
    expect(item.detail).toContain(
      `YouTube Live cannot run warm: the slate file ${SLATE_CLIP_KEY} is not in bucket ${BUCKET}.`,
    );
    expect(item.detail).toContain('Twitch cannot run warm');
    expect(item.detail).not.toMatch(/Can run warm/);
    expect(item.fix).toMatch(/^Upload the slate clip/);
    expect(s3Requests()).toEqual(['HeadObject', 'HeadBucket']);
  });

  it('a missing bucket, and a bucket the operator may not read, are said as such', async () => {
    await start();
    core!.simulator!.s3.deleteBucket(BUCKET);
    expect((await warmItem()).detail).toContain(
      `YouTube Live cannot run warm: the slate bucket ${BUCKET} does not exist.`,
    );
    core!.simulator!.s3.seedSlates('123456789012');
    core!.simulator!.s3.denyAccess(BUCKET);
    const denied = await warmItem();
    expect(denied.status).toBe('warn');
    expect(denied.detail).toMatch(
      /Twitch cannot run warm: the console may not read the slate file .* \(access denied;/,
    );
    expect(denied.detail).not.toMatch(/Exception|Forbidden|arn:/);
  });

  it('an access-denied fault on S3 (fault injection) reads as a refusal, not as a missing file', async () => {
    await start();
    core!.simulator!.control.addFault({ service: 's3', operation: 'HeadObject', kind: 'access-denied', count: 1 });
    expect((await warmItem()).detail).toMatch(/YouTube Live cannot run warm: the console may not read/);
  });
});
