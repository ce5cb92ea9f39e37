import type { FindingStatus } from '../model/finding';
import { compareText } from '../model/order';
import type { Report } from '../model/report';
import { formatSeconds } from './format';
import { observationsOf } from './report-views';

/** The cookies of a report's findings with how long they live, for a chart on a log scale (report page, report.html). */
export interface CookieLifetimeRow {
  name: string;
  /** The cookie's domain, without a leading dot. */
  domain: string;
  party: string;
  findingId: string;
  status: FindingStatus;
  /** The longest lifetime it was set with; null for a session cookie, ≤ 0 for a deletion. */
  lifetimeSeconds: number | null;
  /** Set when it outlives the lifetime its clause declares (the finding's `cookieLifetimes`). */
  declared?: { seconds: number | null; text?: string; clauseId: string };
}

export interface CookieLifetimeView {
  rows: CookieLifetimeRow[];
  hiddenRows: number;
  outlived: number;
  /** The right end of the log scale, in seconds. */
  maxSeconds: number;
  ticks: { seconds: number; label: string }[];
}

export const COOKIE_ROW_LIMIT = 40;
const DAY = 86_400;
const YEAR = 365 * DAY;
/** The left end of the log scale: a cookie shorter than a minute is drawn as a minute. */
export const MIN_LIFETIME_SECONDS = 60;
const TICKS = [
  { seconds: 60, label: '1 min' },
  { seconds: 3_600, label: '1 h' },
  { seconds: DAY, label: '1 d' },
  { seconds: 7 * DAY, label: '1 wk' },
  { seconds: 30 * DAY, label: '30 d' },
  { seconds: YEAR, label: '1 y' },
];
/** Where the scale ends past a year: far enough apart on a log scale for both labels to fit. */
const LONG_ENDS = [
  { seconds: 5 * YEAR, label: '5 y' },
  { seconds: 10 * YEAR, label: '10 y' },
  { seconds: 100 * YEAR, label: '100 y' },
];

/** Session (null) outranks a deletion (≤ 0); any real lifetime outranks a session. */
const lifetimeRank = (s: number | null) => (s === null ? 0 : s <= 0 ? -1 : s);

/**
 * Each cookie of the findings' evidence once (per party, name and domain) with the longest
 * lifetime it was set with, and the declared lifetime where it outlives it: those first, then
 * the longest-lived. Undefined when no cookie was seen.
 */
export function cookieLifetimeView(report: Report, limit = COOKIE_ROW_LIMIT): CookieLifetimeView | undefined {
  const byId = observationsOf(report);
  const rows = new Map<string, CookieLifetimeRow>();
  for (const f of report.findings) {
    for (const id of f.observationIds) {
      const o = byId.get(id);
      if (o?.kind !== 'cookie') continue;
      const name = o.name ?? '';
      const domain = (o.cookie?.domain ?? o.host).replace(/^\./, '');
      const lifetime = o.cookie ? o.cookie.lifetimeSeconds : null;
      const key = JSON.stringify([f.id, name, domain]);
      const known = rows.get(key);
      if (known && lifetimeRank(lifetime) <= lifetimeRank(known.lifetimeSeconds)) continue;
      const excess = f.cookieLifetimes?.find((e) => e.name === name);
      rows.set(key, {
        name,
        domain,
        party: f.subject,
        findingId: f.id,
        status: f.status,
        lifetimeSeconds: lifetime,
        ...(excess && { declared: { seconds: excess.declaredSeconds, ...(excess.declaredText && { text: excess.declaredText }), clauseId: excess.clauseId } }),
      });
    }
  }
  if (rows.size === 0) return undefined;
  const all = [...rows.values()].sort(
    (a, b) => Number(!!b.declared) - Number(!!a.declared) || lifetimeRank(b.lifetimeSeconds) - lifetimeRank(a.lifetimeSeconds) || compareText(a.name, b.name) || compareText(a.domain, b.domain),
  );
  const longest = Math.max(YEAR, ...all.flatMap((r) => [r.lifetimeSeconds ?? 0, r.declared?.seconds ?? 0]));
  const end = longest <= YEAR ? undefined : (LONG_ENDS.find((t) => t.seconds >= longest) ?? { seconds: longest, label: formatSeconds(longest) });
  const maxSeconds = end?.seconds ?? YEAR;
  return {
    rows: all.slice(0, limit),
    hiddenRows: Math.max(0, all.length - limit),
    outlived: all.filter((r) => r.declared).length,
    maxSeconds,
    ticks: end ? [...TICKS, end] : TICKS,
  };
}

/** Where a lifetime sits on the log scale from a minute to `maxSeconds`, 0 to 1; 0 for session and deletions. */
export function lifetimePosition(seconds: number | null, maxSeconds: number): number {
  if (seconds === null || seconds <= 0) return 0;
  const span = Math.log(maxSeconds / MIN_LIFETIME_SECONDS);
  const at = Math.log(Math.max(seconds, MIN_LIFETIME_SECONDS) / MIN_LIFETIME_SECONDS) / span;
  return Math.min(1, Math.max(0, at));
}
