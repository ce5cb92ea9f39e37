import { compareText } from '../model/order';
import { FAILING_STATUSES } from './gate';
import type { Finding } from '../model/finding';
import type { Report } from '../model/report';
import { consentView } from '../export/report-views';
import { STATUS_LABELS } from '../export/status';
import { failingParts, failingPartsText } from '../export/failing';
import type { FailOn } from './option-values';
import { printable } from './progress';

/**
 * What the terminal shows after lib/export's formatSummary: the consent states side by side,
 * and the findings that fail the run. Pure text builders.
 */

/**
 * Each third party against each consent state it was audited in (observations per state), so a
 * reviewer sees at a glance what fires before consent, after reject and after accept. Undefined
 * for runs with a single state.
 */
export function consentComparison(report: Report): string | undefined {
  const view = consentView(report);
  if (!view) return undefined;
  const heading = ['Third party (observations)', ...view.states.map((s) => s.state)];
  const body = [...view.rows]
    .sort((a, b) => compareText(a.party.subject, b.party.subject))
    .map(({ party, cells }) => [party.subject, ...cells.map((c) => (c.observations ? String(c.observations) : '–'))]);
  return `${table([heading, ...body]).join('\n')}\n`;
}

/** The findings that fail the run, one line each, or nothing when none do. */
export function failingLines(failing: readonly Finding[], failOn: FailOn): string[] {
  if (failing.length === 0) return [];
  return [
    `${failing.length} ${failing.length === 1 ? 'finding fails' : 'findings fail'} --fail-on ${failOn}:`,
    ...failing.map((f) => {
      // What fails is what the policy does not cover, not everything the party was seen doing:
      // worded as in the JUnit and report.md outputs.
      const what = failingPartsText(failingParts(f, FAILING_STATUSES[failOn])) || (f.technologies?.length ? f.technologies : f.kinds).join(', ');
      const claim = f.pageClaimOnly ? ' (page claim only: reported by the page’s own scripts, unconfirmed by the browser)' : '';
      return `  ${STATUS_LABELS[f.status].symbol} ${printable(f.subject)} (${printable(f.domains.join(', '))}): ${STATUS_LABELS[f.status].label.toLowerCase()}, ${what}${claim}`;
    }),
  ];
}

/** First column left-aligned, the others right-aligned, two spaces apart. */
function table(rows: string[][]): string[] {
  const safe = rows.map((row) => row.map(printable));
  const widths = safe[0]!.map((_, column) => Math.max(...safe.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  const [head, ...body] = safe;
  return [line(head!), `  ${'-'.repeat(widths.reduce((sum, w) => sum + w, 0) + 2 * (widths.length - 1))}`, ...body.map(line)];
}
