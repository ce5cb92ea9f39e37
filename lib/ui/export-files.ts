import {
  EXPORT_MIME_TYPES,
  findingsToCsv,
  observationsToCsv,
  toHtml,
  toJson,
} from '../export/builders';
import type { Report } from '../model/report';

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

function textFor(report: Report, choice: ExportChoice): string {
  switch (choice) {
    case 'json':
      return toJson(report); // findings carry their reviewers' verdicts (Finding.review)
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
