import type { Finding } from './finding';
import { STATUS_ORDER } from './vocabulary';

/** Position of a status in STATUS_ORDER; unknown statuses (from a newer schema) sort last. */
export function statusRank(status: string): number {
  const rank = (STATUS_ORDER as readonly string[]).indexOf(status);
  return rank === -1 ? STATUS_ORDER.length : rank;
}

/**
 * Case-insensitive, then code-unit order: the same on every machine, unlike localeCompare, so the
 * same findings always list in the same order and reports diff cleanly.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** The one order findings are listed in: by status (worst first), then subject, then id. */
export function compareFindings(a: Pick<Finding, 'status' | 'subject' | 'id'>, b: Pick<Finding, 'status' | 'subject' | 'id'>): number {
  return statusRank(a.status) - statusRank(b.status) || compareText(a.subject, b.subject) || compareText(a.id, b.id);
}
