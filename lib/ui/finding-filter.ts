import type { FindingStatus } from '../model/finding';
import type { ObservationKind } from '../model/observation';
import type { FindingRowView } from './finding-groups';

/** What the reviewer narrowed the list to. Empty sets mean "all". */
export interface FindingFilter {
  statuses: ReadonlySet<FindingStatus>;
  kinds: ReadonlySet<ObservationKind>;
  /** Free text; every whitespace-separated word must appear somewhere in the finding. */
  query: string;
}

export function emptyFilter(): FindingFilter {
  return { statuses: new Set(), kinds: new Set(), query: '' };
}

export function isFilterActive(filter: FindingFilter): boolean {
  return filter.statuses.size > 0 || filter.kinds.size > 0 || filter.query.trim() !== '';
}

export function filterRows(rows: readonly FindingRowView[], filter: FindingFilter): FindingRowView[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter(
    (row) =>
      (filter.statuses.size === 0 || filter.statuses.has(row.finding.status)) &&
      (filter.kinds.size === 0 || row.finding.kinds.some((kind) => filter.kinds.has(kind))) &&
      words.every((word) => row.searchText.includes(word)),
  );
}

/** A copy of `set` with `value` added or removed: filters stay immutable so $derived sees a change. */
export function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}
