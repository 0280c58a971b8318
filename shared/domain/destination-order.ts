/**
 * The order of the destinations, the same on every console: the order an admin set (each record's `sort_order`),
 * and for records without one natural order by name ("Extra 2" before "Extra 10"), then by id so that two
 * records with the same name or the same sort_order still come out the same everywhere.
 */

/** A fixed locale: two consoles with different system languages must show the same order. */
const NAMES = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order of names: digits compare as numbers, case and accents do not count. */
export function compareNames(a: string, b: string): number {
  return NAMES.compare(a.trim(), b.trim());
}

export interface Orderable {
  id: string;
  name: string;
  sort_order?: number | undefined;
}

/**
 * Records with a sort_order first, by it; then those without, in natural order of their names. A sort_order that is
 * not a finite number counts as none. Duplicates (two records with 3) fall back to natural order, then the id.
 */
function compareDestinations(a: Orderable, b: Orderable): number {
  const rank = (r: Orderable) =>
    typeof r.sort_order === 'number' && Number.isFinite(r.sort_order) ? r.sort_order : Number.POSITIVE_INFINITY;
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function orderDestinations<T extends Orderable>(records: readonly T[]): T[] {
  return [...records].sort(compareDestinations);
}

/** The ids in natural order of their names, ignoring any order set (what "Sort by name" proposes). */
export function naturalOrder<T extends Pick<Orderable, 'id' | 'name'>>(records: readonly T[]): string[] {
  return [...records]
    .sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => r.id);
}

/** The ids with the one at `index` moved by `delta` places (clamped to the list); the same list when it cannot move. */
export function moveId(ids: readonly string[], index: number, delta: number): string[] {
  const target = Math.min(ids.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= ids.length || target === index) return [...ids];
  const next = [...ids];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  return next;
}

export interface ReorderProblem {
  field: 'order' | 'basis';
  message: string;
}

/**
 * What is wrong with an order an admin sends for the active destinations (`current`, in the order now stored):
 * every active destination exactly once, nothing else; the `basis` (the order the admin saw) must still be the order
 * now, else someone changed it meanwhile. Problems in words, each naming the destinations concerned.
 */
export function reorderProblems(
  current: readonly Pick<Orderable, 'id' | 'name'>[],
  order: readonly string[],
  basis: readonly string[],
): { invalid: ReorderProblem[]; changedMeanwhile: boolean } {
  const nameOf = new Map(current.map((r) => [r.id, r.name]));
  const label = (id: string) => (nameOf.has(id) ? `"${nameOf.get(id)}"` : `"${id}"`);
  const invalid: ReorderProblem[] = [];
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of order) {
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  if (twice.size > 0)
    invalid.push({
      field: 'order',
      message: `${[...twice].map(label).join(', ')} ${twice.size === 1 ? 'appears' : 'appear'} more than once in the order.`,
    });
  const unknown = [...seen].filter((id) => !nameOf.has(id));
  const missing = current.filter((r) => !seen.has(r.id)).map((r) => r.id);
  const sameIds = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((id, i) => id === b[i]);
  const now = current.map((r) => r.id);
  const changedMeanwhile = !sameIds(basis, now);
  // Unknown or missing ids after a change elsewhere are that change (added or retired meanwhile), not a bad request.
  if (!changedMeanwhile) {
    if (unknown.length > 0)
      invalid.push({
        field: 'order',
        message: `${unknown.map(label).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not an active destination.`,
      });
    if (missing.length > 0)
      invalid.push({
        field: 'order',
        message: `${missing.map(label).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing from the order: every active destination needs a place.`,
      });
  }
  return { invalid, changedMeanwhile };
}
