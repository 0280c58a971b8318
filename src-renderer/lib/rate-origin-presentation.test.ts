import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD, type RateCard } from '../../shared/domain/cost';
import { rateMark, rateOriginWords } from './rate-origin-presentation';

const NOW = new Date('2026-12-01T18:00:00').getTime();
const fromList: RateCard = {
  ...DEFAULT_RATE_CARD,
  origin: {
    kind: 'price-list',
    region: 'us-east-1',
    effectiveDate: '2026-11-01',
    publicationDate: '2026-11-12T18:04:31Z',
    readAt: new Date('2026-12-01T17:55:02').getTime(),
    read: ['medialiveHdOutputPerHour'],
    kept: [{ key: 'medialiveInputPerHour', reason: 'the Price List has no such product' }],
  },
};

describe('where the rate card comes from', () => {
  it('names the Price List, its region and dates, or the admin, or the defaults', () => {
    expect(rateOriginWords(fromList, NOW)).toBe(
      'AWS Price List, us-east-1, effective 2026-11-01, published 2026-11-12 (read at 17:55:02): 1 rate read; 1 kept as they were (marked below).',
    );
    expect(rateOriginWords({ ...DEFAULT_RATE_CARD, origin: { kind: 'edited', at: NOW - 60_000 } }, NOW)).toBe(
      "Edited by admin at 17:59:00: the figures are the admin's, not read from AWS.",
    );
    expect(rateOriginWords(DEFAULT_RATE_CARD, NOW)).toMatch(/^Built-in defaults/);
  });

  it('marks each rate read or kept, with why', () => {
    expect(rateMark(fromList, 'medialiveHdOutputPerHour')?.label).toBe('Price List');
    expect(rateMark(fromList, 'medialiveInputPerHour')).toEqual({
      label: 'Kept',
      title: 'Not read from the AWS Price List: the Price List has no such product',
    });
    expect(rateMark(fromList, 'dataTransferPerGb')).toBeNull();
    expect(rateMark(DEFAULT_RATE_CARD, 'medialiveInputPerHour')).toBeNull();
  });
});
