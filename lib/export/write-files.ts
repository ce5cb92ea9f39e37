import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_FILE_NAMES, type ExportFormat } from './builders';
import { findingsToCsv, observationsToCsv } from './csv';
import { toHtml } from './html';
import { toJson } from './json';
import { parseReport, type Report } from '../model/report';

type ExportFileName = (typeof EXPORT_FILE_NAMES)[ExportFormat][number];

const BUILDERS: Record<ExportFileName, (report: Report) => string> = {
  'report.json': toJson,
  'findings.csv': findingsToCsv,
  'observations.csv': observationsToCsv,
  'report.html': toHtml,
};

/**
 * Writes the chosen formats into `dir` (created if needed) and returns the paths written, in the
 * order json, csv, html. The report is validated once, before anything is written, so an
 * invalid report leaves no half-set of files behind; every file is built before the first write.
 */
export async function writeReportFiles(report: Report, dir: string, formats: readonly ExportFormat[]): Promise<string[]> {
  const known = Object.keys(EXPORT_FILE_NAMES) as ExportFormat[];
  // Formats often come straight from a command line: name the bad one rather than skip it.
  const unknown = formats.find((format) => !known.includes(format));
  if (unknown !== undefined) throw new Error(`unknown export format "${unknown}": expected ${known.join(', ')}`);
  const valid = parseReport(report, 'report');
  const names = known.filter((format) => formats.includes(format)).flatMap((format) => EXPORT_FILE_NAMES[format]);
  const files = names.map((name) => ({ path: join(dir, name), text: BUILDERS[name](valid) }));
  await mkdir(dir, { recursive: true });
  for (const file of files) await writeFile(file.path, file.text, 'utf8');
  return files.map((f) => f.path);
}
