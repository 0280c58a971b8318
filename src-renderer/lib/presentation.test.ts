import { describe, expect, it } from 'vitest';
import { asClause, shortPreset } from './presentation';

describe('asClause', () => {
  it('drops the full stop a message ends with, so the window can continue the sentence', () => {
    expect(`${asClause('There is no stack "x" in us-east-1.')}. Retrying…`).toBe(
      'There is no stack "x" in us-east-1. Retrying…',
    );
    expect(asClause('No answer ')).toBe('No answer');
    expect(asClause('v1.2 failed')).toBe('v1.2 failed');
  });
});

describe('shortPreset', () => {
  it('keeps the resolution and the bitrate, drops the frame rate and the unit word', () => {
    expect(shortPreset('1080p29.97 12.5 Mbps')).toBe('1080p 12.5M');
    expect(shortPreset('1080p30 6 Mbps')).toBe('1080p 6M');
    expect(shortPreset('720p30 2.5 Mbps')).toBe('720p 2.5M');
  });

  it('leaves a summary it does not recognise as it is', () => {
    expect(shortPreset('?p30 6 Mbps')).toBe('?p30 6 Mbps');
    expect(shortPreset('custom')).toBe('custom');
  });
});
