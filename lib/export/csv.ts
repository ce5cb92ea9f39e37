import Papa from 'papaparse';
import type { Finding } from '../model/finding';
import type { Observation } from '../model/observation';
import { clauseQuotes } from './clauses';
import { cookieLifetimeText } from './format';
import type { Report } from '../model/report';

type Cell = string | number | boolean | null | undefined;

/*
 * Spreadsheets run a cell as a formula when its text starts with one of these, and a formula can
 * exfiltrate data or launch programs (CSV injection). URLs, cookie names and storage keys are
 * chosen by the audited site, so they are hostile input. OWASP's advice: prefix a single quote.
 * Papa.unparse has an `escapeFormulae` option, but its pattern `^[=+\-@\t\r].*$` fails on a cell
 * that also holds a newline ("=1+1\nx"), so we do it ourselves with a pattern that cannot.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes `'` to text cells a spreadsheet would read as a formula. Numbers and booleans are left
 * alone: their text is a plain literal (`-1`), and quoting it would turn data into text.
 */
export function neutraliseFormula(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/*
 * Excel reads a CSV file without a byte order mark in the system's legacy code page, so "Datenschutzerklärung"
 * or a Japanese cookie value comes out garbled; with the mark it reads UTF-8. Papa.parse, Python's
 * utf-8-sig and most CSV readers skip it.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * CSV text starting with the UTF-8 byte order mark and ending in exactly one CRLF (Papa ends a
 * header-only file with one, other files without).
 */
function toCsv(fields: string[], rows: Cell[][]): string {
  const csv = Papa.unparse({ fields, data: rows.map((row) => row.map(neutraliseFormula)) }, { newline: '\r\n' });
  return `${UTF8_BOM}${csv.endsWith('\r\n') ? csv : `${csv}\r\n`}`;
}

/** Multi-valued fields in one cell, separated by spaces (none of the values contain one). */
const spaced = (values: readonly string[] | undefined) => (values ?? []).join(' ');

/* ---------- findings.csv ---------- */

interface FindingColumn {
  header: string;
  value: (finding: Finding) => Cell;
}

function findingColumns(report: Report): FindingColumn[] {
  const quotes = clauseQuotes(report);
  const columns: FindingColumn[] = [
    { header: 'id', value: (f) => f.id },
    { header: 'status', value: (f) => f.status },
    { header: 'subject', value: (f) => f.subject },
    { header: 'organization', value: (f) => f.organization },
    { header: 'category', value: (f) => f.category },
    { header: 'domains', value: (f) => spaced(f.domains) },
    { header: 'kinds', value: (f) => spaced(f.kinds) },
    { header: 'clauseIds', value: (f) => spaced(f.clauseIds) },
    {
      // Always present (empty when the report quotes no policy) so scripts can rely on the column.
      header: 'clauseQuotes',
      value: (f) =>
        f.clauseIds
          .filter((id) => quotes.has(id))
          .map((id) => `${id}: ${quotes.get(id)!.quote}`)
          .join('\n'),
    },
    { header: 'observationCount', value: (f) => f.observationIds.length },
  ];
  // Optional fields get a column only when some finding has them, to keep the sheet narrow.
  if (report.findings.some((f) => (f.technologies ?? []).length > 0)) {
    columns.push({ header: 'technologies', value: (f) => spaced(f.technologies ?? []) });
  }
  if (report.findings.some((f) => f.cookieLifetimes?.length)) {
    columns.push({ header: 'cookieLifetimes', value: (f) => (f.cookieLifetimes ?? []).map(cookieLifetimeText).join('\n') });
  }
  if (report.findings.some((f) => reviewOf(f) !== undefined)) {
    columns.push(
      { header: 'reviewVerdict', value: (f) => reviewOf(f)?.verdict },
      { header: 'reviewComment', value: (f) => reviewOf(f)?.comment },
    );
  }
  return columns;
}

/** findings.csv: one row per finding, in the report's order. */
export function findingsToCsv(report: Report): string {
  const columns = findingColumns(report);
  return toCsv(
    columns.map((c) => c.header),
    report.findings.map((f) => columns.map((c) => c.value(f))),
  );
}

/* ---------- observations.csv ---------- */

/** Every Observation field, nested cookie/storage details as dotted columns. */
const OBSERVATION_COLUMNS: [header: string, value: (o: Observation) => Cell][] = [
  ['id', (o) => o.id],
  ['kind', (o) => o.kind],
  ['party', (o) => o.party],
  ['source', (o) => o.source],
  ['time', (o) => o.time],
  // Milliseconds are exact; the ISO copy is for people reading the sheet.
  ['timeIso', (o) => isoOrEmpty(o.time)],
  ['pageUrl', (o) => o.pageUrl],
  ['host', (o) => o.host],
  ['url', (o) => o.url],
  ['resourceType', (o) => o.resourceType],
  ['name', (o) => o.name],
  ['via', (o) => spaced(o.via)],
  ['method', (o) => o.method],
  ['statusCode', (o) => o.statusCode],
  ['responseBytes', (o) => o.responseBytes],
  ['error', (o) => o.error],
  ['redirectedFrom', (o) => o.redirectedFrom],
  ['initiator', (o) => o.initiator],
  ['frameUrl', (o) => o.frameUrl],
  ['tabId', (o) => o.tabId],
  ['sessionId', (o) => o.sessionId],
  ['reason', (o) => o.reason],
  ['cookie.domain', (o) => o.cookie?.domain],
  ['cookie.path', (o) => o.cookie?.path],
  // Empty for a cookie without details; "session" is spelled out rather than left blank.
  ['cookie.lifetimeSeconds', (o) => (o.cookie ? (o.cookie.lifetimeSeconds ?? 'session') : undefined)],
  ['cookie.secure', (o) => o.cookie?.secure],
  ['cookie.httpOnly', (o) => o.cookie?.httpOnly],
  ['cookie.sameSite', (o) => o.cookie?.sameSite],
  ['storage.area', (o) => o.storage?.area],
  ['storage.origin', (o) => o.storage?.origin],
  ['storage.key', (o) => o.storage?.key],
  ['storage.valueSize', (o) => o.storage?.valueSize],
  ['storage.valuePreview', (o) => o.storage?.valuePreview],
];

function isoOrEmpty(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** observations.csv: one row per observation, all fields flattened. */
export function observationsToCsv(report: Report): string {
  return toCsv(
    OBSERVATION_COLUMNS.map(([header]) => header),
    report.observations.map((o) => OBSERVATION_COLUMNS.map(([, value]) => value(o))),
  );
}

/** A review with neither verdict nor comment says nothing: no columns for it. */
function reviewOf(finding: Finding): Finding['review'] {
  const review = finding.review;
  return review?.verdict || review?.comment ? review : undefined;
}
