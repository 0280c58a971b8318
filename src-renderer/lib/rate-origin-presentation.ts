import type { RateCard, RateKey } from '../../shared/domain/cost';
import { clockTime } from '../../shared/domain/time-format';

/** Where the card's figures come from, in one line above the rates. */
export function rateOriginWords(card: RateCard, now: number): string {
  const origin = card.origin;
  switch (origin.kind) {
    case 'default':
      return 'Built-in defaults (us-east-1 on-demand), not read from AWS: check them for your region, or refresh from the AWS Price List.';
    case 'edited':
      return `Edited by admin at ${clockTime(origin.at, now)}: the figures are the admin's, not read from AWS.`;
    case 'price-list': {
      const published = origin.publicationDate ? `, published ${origin.publicationDate.slice(0, 10)}` : '';
      const kept = origin.kept.length > 0 ? `; ${origin.kept.length} kept as they were (marked below)` : '';
      return `AWS Price List, ${origin.region}, effective ${origin.effectiveDate}${published} (read at ${clockTime(origin.readAt, now)}): ${origin.read.length} rate${origin.read.length === 1 ? '' : 's'} read${kept}.`;
    }
  }
}

/** A rate's mark beside its page: read from the Price List, or kept with why; null when the card says nothing. */
export function rateMark(card: RateCard, key: RateKey): { label: string; title: string } | null {
  const origin = card.origin;
  if (origin.kind !== 'price-list') return null;
  if (origin.read.includes(key))
    return { label: 'Price List', title: `Read from the AWS Price List, effective ${origin.effectiveDate}` };
  const kept = origin.kept.find((k) => k.key === key);
  return kept ? { label: 'Kept', title: `Not read from the AWS Price List: ${kept.reason}` } : null;
}
