import type { CookieLifetimeExcess } from '../model/finding';

/*
 * Human-readable values shared by the HTML report and the terminal summary. Always UTC and
 * English so that the same report renders identically on every machine and in every test.
 */

/** "2026-01-01 12:00:05 UTC" for epoch milliseconds or an ISO string; the raw value if not a date. */
export function formatTime(value: number | string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

const UNITS: [name: string, seconds: number][] = [
  ['y', 365 * 86_400],
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "1 y 30 d": the largest unit and the next one are enough to judge how long something lasts. */
export function formatSeconds(total: number): string {
  const seconds = Math.round(Math.abs(total));
  const first = UNITS.findIndex(([, size]) => seconds >= size);
  if (first === -1) return '0 s';
  const [bigName, bigSize] = UNITS[first]!;
  const parts = [`${Math.floor(seconds / bigSize)} ${bigName}`];
  const next = UNITS[first + 1];
  if (next) {
    const remainder = Math.floor((seconds % bigSize) / next[1]);
    if (remainder > 0) parts.push(`${remainder} ${next[0]}`);
  }
  return parts.join(' ');
}

/**
 * How long a cookie lives. A lifetime of zero or less means the site set it already expired,
 * which is how a cookie is deleted: worth telling apart from a real cookie.
 */
export function formatLifetime(lifetimeSeconds: number | null): string {
  if (lifetimeSeconds === null) return 'session';
  if (lifetimeSeconds <= 0) return 'expired (deletion)';
  return formatSeconds(lifetimeSeconds);
}

/** Wall time between two ISO timestamps, or an empty string if either is unreadable. */
export function formatDuration(startIso: string, endIso: string): string {
  const ms = Date.parse(endIso) - Date.parse(startIso);
  return Number.isNaN(ms) ? '' : formatSeconds(ms / 1000);
}

/** "1 page", "3 pages". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/** Which sources named the parties, in the order they are asked: the same words in every view. */
export function attributionSourcesText(settings: { trackerDb?: boolean } | undefined): string {
  return settings?.trackerDb ? "the policy's parties, the built-in map, trackerdb" : "the policy's parties, the built-in map";
}

/**
 * Whose word the findings rest on, in one line: a policy file someone encoded, or a draft read from
 * the site in this run that nobody reviewed. Plain text; callers escape it for HTML.
 */
export function policyProvenanceText(policy: { file?: string; discovered?: { urls: readonly string[] } } | undefined): string | undefined {
  if (!policy?.discovered) return undefined;
  return `Judged against a draft read from ${policy.discovered.urls.join(' and ')}, not reviewed`;
}

/**
 * "_gid: set for 30 d, the policy says 24 hours (d5)": a cookie that outlives the lifetime its
 * clause declares, in one line. Plain text; callers escape it for HTML.
 */
export function cookieLifetimeText(excess: CookieLifetimeExcess): string {
  const declared = excess.declaredText ?? formatLifetime(excess.declaredSeconds);
  return `${excess.name}: set for ${formatLifetime(excess.observedSeconds)}, the policy says ${declared} (${excess.clauseId})`;
}

/** "_hjid (Hotjar, d7)": a cookie the policy lists that was never set. Plain text. */
export function unobservedCookieText(cookie: { name: string; declarationId: string; provider?: string }): string {
  return `${cookie.name} (${cookie.provider ? `${cookie.provider}, ` : ''}${cookie.declarationId})`;
}

/**
 * Said wherever a finding is shown whose every observation the page reported itself (a hook's
 * report, which the page could make up) and nothing the browser reported confirms.
 */
export const PAGE_CLAIM_ONLY_TEXT =
  'Page claim only: every observation of this party was reported by script inside the page, which could have made it up; nothing the browser itself reported confirms it.';
