import type { Finding, FindingStatus } from '../model/finding';
import type { Observation } from '../model/observation';
import { compareText, statusRank } from '../model/order';
import type { Report } from '../model/report';
import { technologyOf } from '../policy/technology';
import { formatSeconds } from './format';

/*
 * The evidence tables reviewers expect, derived once from a report for report.html and the
 * extension's report page: each third party per consent state, each third party per page, and
 * how long each cookie lives. Pure: a report in, plain rows out; nothing here is rendered.
 */

export type ConsentState = NonNullable<Observation['consent']>;

/** One third party: the findings that share its name (normally one), with its worst verdict. */
export interface ThirdParty {
  subject: string;
  findingIds: string[];
  domains: string[];
  status: FindingStatus;
}

interface PartyGroup extends ThirdParty {
  findings: Finding[];
}

function worst(statuses: Iterable<FindingStatus>): FindingStatus | undefined {
  let found: FindingStatus | undefined;
  for (const s of statuses) if (found === undefined || statusRank(s) < statusRank(found)) found = s;
  return found;
}

/** Third-party findings grouped by name, worst first, then by name: the order of the findings table. */
function thirdParties(report: Report): PartyGroup[] {
  const groups = new Map<string, PartyGroup>();
  for (const f of report.findings) {
    if (f.status === 'first-party') continue;
    const group = groups.get(f.subject) ?? { subject: f.subject, findingIds: [], domains: [], status: f.status, findings: [] };
    group.findings.push(f);
    group.findingIds.push(f.id);
    group.domains = [...new Set([...group.domains, ...f.domains])];
    group.status = worst([group.status, f.status])!;
    groups.set(f.subject, group);
  }
  return [...groups.values()].sort((a, b) => statusRank(a.status) - statusRank(b.status) || compareText(a.subject, b.subject));
}

const publicParty = ({ findings: _, ...party }: PartyGroup): ThirdParty => party;

/**
 * A party's verdict for part of its evidence: the worst verdict the policy gave the technologies
 * seen in that part (the finding's own `coverage`), so nothing is judged again here. A finding
 * without coverage (first party, no policy, an older report) keeps its one status.
 */
export function statusOfPart(finding: Finding, part: readonly Observation[]): FindingStatus | undefined {
  if (part.length === 0) return undefined;
  if (!finding.coverage?.length) return finding.status;
  const seen = new Set(part.map(technologyOf));
  return worst(finding.coverage.filter((c) => seen.has(c.technology)).map((c) => c.status)) ?? finding.status;
}

const observationsOf = (report: Report) => new Map(report.observations.map((o) => [o.id, o]));

// ---- consent states ----

export interface ConsentCell {
  state: ConsentState;
  /** Undefined: the party was not seen in this state. */
  status?: FindingStatus;
  observations: number;
}

/** The consent states and banner outcomes in words, the same in every view. */
export const CONSENT_STATE_LABELS: Record<ConsentState, string> = { none: 'No answer', reject: 'Rejected', accept: 'Accepted' };
export const CONSENT_OUTCOME_LABELS: Record<string, string> = {
  'not-requested': 'banner left alone',
  handled: 'banner answered',
  'no-banner': 'no banner recognised',
  failed: 'answering the banner failed',
};

export interface ConsentView {
  states: { state: ConsentState; outcome?: string; cmp?: string }[];
  rows: { party: ThirdParty; cells: ConsentCell[] }[];
}

/** The consent states of the run, in the order they were audited (pages tell, when settings do not). */
function consentStates(report: Report): ConsentView['states'] {
  const states: ConsentView['states'] = (report.settings?.consent ?? []).map((c) => ({ ...c }));
  for (const p of report.pages) if (p.consent && !states.some((s) => s.state === p.consent)) states.push({ state: p.consent });
  return states;
}

/**
 * Each third party against each consent state the site was visited in: its status from what it
 * did in that state, and how many observations. Undefined for a run in a single state.
 */
export function consentView(report: Report): ConsentView | undefined {
  const states = consentStates(report);
  if (states.length < 2) return undefined;
  const byId = observationsOf(report);
  const rows = thirdParties(report).map((group) => {
    const cells = states.map(({ state }): ConsentCell => {
      const statuses: FindingStatus[] = [];
      let observations = 0;
      for (const f of group.findings) {
        // Observations of a single-profile run carry no state: they were seen before any consent.
        const part = f.observationIds.flatMap((id) => byId.get(id) ?? []).filter((o) => (o.consent ?? 'none') === state);
        observations += part.length;
        const status = statusOfPart(f, part);
        if (status) statuses.push(status);
      }
      const status = worst(statuses);
      return status ? { state, status, observations } : { state, observations };
    });
    return { party: publicParty(group), cells };
  });
  return { states, rows };
}

// ---- pages × third parties ----

export interface PageColumn extends ThirdParty {
  /** Pages (rows) it was seen on, counting pages past the row limit. */
  pages: number;
}

export interface PageRow {
  url: string;
  error?: string;
  /** Per shown column, the party's status where it was seen on this page; undefined where not. */
  cells: (FindingStatus | undefined)[];
  /** Observations per shown column on this page. */
  counts: number[];
  /** Third parties seen on this page, counting columns past the limit. */
  thirdParties: number;
}

export interface PageMatrix {
  columns: PageColumn[];
  rows: PageRow[];
  hiddenColumns: number;
  hiddenRows: number;
  totalPages: number;
}

export const PAGE_MATRIX_LIMITS = { rows: 40, columns: 12 };

/**
 * Which third party was seen on which page of a crawl, coloured by its finding's status. The
 * most urgent parties, and among them the most widespread, get the columns; pages keep the order
 * they were visited in (the same page in several consent states is one row). Undefined for a
 * single page.
 */
export function pageMatrix(report: Report, limits = PAGE_MATRIX_LIMITS): PageMatrix | undefined {
  const rowOf = new Map<string, number>();
  const urls: string[] = [];
  const errors = new Map<number, string>();
  const addPage = (url: string, aliases: readonly string[] = []): number => {
    let index = rowOf.get(url) ?? aliases.map((a) => rowOf.get(a)).find((i) => i !== undefined);
    if (index === undefined) {
      index = urls.length;
      urls.push(url);
    }
    for (const key of [url, ...aliases]) if (!rowOf.has(key)) rowOf.set(key, index);
    return index;
  };
  for (const p of report.pages) {
    const index = addPage(p.finalUrl || p.url, [p.url]);
    if (p.error && !errors.has(index)) errors.set(index, p.error);
  }
  const byId = observationsOf(report);
  // Per party, its observations per page row.
  const order = thirdParties(report)
    .map((group) => {
      const perRow = new Map<number, number>();
      for (const o of group.findings.flatMap((f) => f.observationIds.flatMap((id) => byId.get(id) ?? []))) {
        const row = addPage(o.pageUrl);
        perRow.set(row, (perRow.get(row) ?? 0) + 1);
      }
      return { group, perRow };
    })
    .sort((a, b) => statusRank(a.group.status) - statusRank(b.group.status) || b.perRow.size - a.perRow.size || compareText(a.group.subject, b.group.subject));
  if (urls.length < 2) return undefined;
  const shown = order.slice(0, limits.columns);
  const shownRows = urls.slice(0, limits.rows);
  return {
    columns: shown.map(({ group, perRow }) => ({ ...publicParty(group), pages: perRow.size })),
    rows: shownRows.map((url, row) => ({
      url,
      ...(errors.has(row) ? { error: errors.get(row)! } : {}),
      cells: shown.map(({ group, perRow }) => (perRow.has(row) ? group.status : undefined)),
      counts: shown.map(({ perRow }) => perRow.get(row) ?? 0),
      thirdParties: order.filter(({ perRow }) => perRow.has(row)).length,
    })),
    hiddenColumns: order.length - shown.length,
    hiddenRows: urls.length - shownRows.length,
    totalPages: urls.length,
  };
}

// ---- cookie lifetimes ----

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
