import type { Finding, FindingStatus } from '../model/finding';
import type { Observation } from '../model/observation';
import { compareText, statusRank } from '../model/order';
import type { Report } from '../model/report';
import { technologyOf } from '../policy/technology';

/*
 * The evidence tables reviewers expect, derived once from a report for report.html and the
 * extension's report page: each third party per consent state and each third party per page
 * (how long each cookie lives: cookie-lifetime-view.ts). Pure: a report in, plain rows out;
 * nothing here is rendered.
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

export const observationsOf = (report: Report) => new Map(report.observations.map((o) => [o.id, o]));

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
