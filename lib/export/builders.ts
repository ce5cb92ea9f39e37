/*
 * Everything that turns a report into text, with no Node imports: safe to bundle into the
 * extension's popup and report page. Node code (the CLI) can use ./index, which adds file writing.
 */
export { findingsToCsv, neutraliseFormula, observationsToCsv } from './csv';
export { toHtml, type HtmlOptions } from './html';
export { escapeHtml } from './html-escape';
export { toJson } from './json';
export { formatSummary, summarize, type ReportSummary } from './summary';
export { STATUS_LABELS, STATUS_ORDER } from './status';

export type ExportFormat = 'json' | 'csv' | 'html';

/** File names per format, shared by the CLI writer and the popup's downloads. */
export const EXPORT_FILE_NAMES = {
  json: ['report.json'],
  csv: ['findings.csv', 'observations.csv'],
  html: ['report.html'],
} as const satisfies Record<ExportFormat, readonly string[]>;

/** MIME types for browser downloads (Blob type) of each file. */
export const EXPORT_MIME_TYPES: Record<string, string> = {
  'report.json': 'application/json',
  'findings.csv': 'text/csv;charset=utf-8',
  'observations.csv': 'text/csv;charset=utf-8',
  'report.html': 'text/html;charset=utf-8',
};
