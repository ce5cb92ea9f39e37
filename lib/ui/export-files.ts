import {
  EXPORT_MIME_TYPES,
  findingsToCsv,
  observationsToCsv,
  toHtml,
  toJson,
} from '../export/builders';
import type { Report } from '../export/report';
import { reviewOfFinding } from './verdicts';

/** One file a download button hands to the user. */
export interface ExportFile {
  name: string;
  mime: string;
  text: string;
}

/** Each button of the popup and report page makes exactly one file (a browser asks before a second). */
export type ExportChoice = 'json' | 'findings-csv' | 'observations-csv' | 'html';

const FILE_NAME: Record<ExportChoice, string> = {
  json: 'report.json',
  'findings-csv': 'findings.csv',
  'observations-csv': 'observations.csv',
  html: 'report.html',
};

/**
 * report.json with the reviewers' verdicts. toJson validates and writes what the Report schema
 * knows; until the Finding schema declares `review`, it drops it, so the verdicts are put back
 * here (matched by position: parsing keeps the order). Once the schema has the field this
 * changes nothing.
 */
export function reportJsonWithReviews(report: Report): string {
  const canonical = JSON.parse(toJson(report)) as { findings: Record<string, unknown>[] };
  report.findings.forEach((finding, index) => {
    const review = reviewOfFinding(finding);
    const written = canonical.findings[index];
    if (review && written && written.review === undefined) written.review = review;
  });
  return `${JSON.stringify(canonical, null, 2)}\n`;
}

function textFor(report: Report, choice: ExportChoice): string {
  switch (choice) {
    case 'json':
      return reportJsonWithReviews(report);
    case 'findings-csv':
      return findingsToCsv(report);
    case 'observations-csv':
      return observationsToCsv(report);
    case 'html':
      return toHtml(report);
  }
}

/** `inbenta.com-report.json`: several sites' exports can sit in one downloads folder. */
export function exportFile(report: Report, choice: ExportChoice, site?: string): ExportFile {
  const base = FILE_NAME[choice];
  const prefix = site ? `${site.replace(/[^a-z0-9.-]/gi, '_')}-` : '';
  return { name: `${prefix}${base}`, mime: EXPORT_MIME_TYPES[base] ?? 'application/octet-stream', text: textFor(report, choice) };
}
