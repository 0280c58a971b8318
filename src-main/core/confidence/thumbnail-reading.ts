import type { Thumbnail, ThumbnailStatus } from '../../../shared/domain/confidence';
import { mapAwsError } from '../../aws/errors';
import { checkJpeg } from './jpeg-check';

/** A picture read from AWS, or why there is none. */
export type Reading =
  | { kind: 'picture'; base64: string; capturedAt: number }
  | { kind: 'none'; status: Exclude<ThumbnailStatus, 'ok' | 'corrupt' | 'oversize'>; message: string };

const MESSAGES = {
  disabled: 'Thumbnails are off in this configuration (see Readiness).',
  'no-picture': 'AWS has no picture yet.',
  throttled: 'AWS is throttling thumbnail requests; asking less often.',
} as const;

export const noPicture = (status: keyof typeof MESSAGES, message?: string): Reading => ({
  kind: 'none',
  status,
  message: message ?? MESSAGES[status],
});

/** A failed request as a reading: throttling is said as such, anything else in the console's words. */
export function failedReading(error: unknown, action: string): Reading {
  const mapped = mapAwsError(error, action);
  if (mapped.code === 'throttled') return noPicture('throttled');
  return { kind: 'none', status: 'unavailable', message: mapped.message };
}

/**
 * The next state of a thumbnail: a new good picture replaces the old one; a bad one or none keeps the last good
 * picture (shown by its age, so stale once old) with the reason beside it.
 */
export function nextThumbnail(previous: Thumbnail | null, reading: Reading, checkedAt: number): Thumbnail {
  const kept = {
    dataUrl: previous?.dataUrl ?? null,
    capturedAt: previous?.capturedAt ?? null,
    width: previous?.width ?? null,
    height: previous?.height ?? null,
  };
  if (reading.kind === 'none') return { ...kept, status: reading.status, message: reading.message, checkedAt };
  const bytes = Buffer.from(reading.base64, 'base64');
  const check = checkJpeg(bytes);
  if (!check.ok) {
    const words = check.reason === 'oversize' ? 'too large to show' : 'not a readable picture';
    return {
      ...kept,
      status: check.reason,
      message: `AWS sent a thumbnail that is ${words} (${check.detail}).`,
      checkedAt,
    };
  }
  return {
    status: 'ok',
    dataUrl: `data:image/jpeg;base64,${bytes.toString('base64')}`,
    capturedAt: reading.capturedAt,
    width: check.width,
    height: check.height,
    checkedAt,
    message: null,
  };
}
