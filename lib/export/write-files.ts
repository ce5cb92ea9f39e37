import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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
 * order json, csv, html. The report is validated once, before anything is written, so an invalid
 * report leaves no half-set of files behind. Each file is built and written before the next is
 * built, as `<name>.partial`, and the partial files are renamed once all are written: only one
 * file's text is held at a time (a long crawl's report.json and observations.csv together held
 * 400 MB), and a builder that fails leaves nothing behind either.
 */
export async function writeReportFiles(report: Report, dir: string, formats: readonly ExportFormat[]): Promise<string[]> {
  const known = Object.keys(EXPORT_FILE_NAMES) as ExportFormat[];
  // Formats often come straight from a command line: name the bad one rather than skip it.
  const unknown = formats.find((format) => !known.includes(format));
  if (unknown !== undefined) throw new Error(`unknown export format "${unknown}": expected ${known.join(', ')}`);
  const valid = parseReport(report, 'report');
  const names = known.filter((format) => formats.includes(format)).flatMap((format) => EXPORT_FILE_NAMES[format]);
  const paths = names.map((name) => join(dir, name));
  const partial = (path: string) => `${path}.partial`;
  const created = await mkdir(dir, { recursive: true });
  try {
    for (const [index, name] of names.entries()) await writeFile(partial(paths[index]!), BUILDERS[name](valid), 'utf8');
  } catch (error) {
    await Promise.all(paths.map((path) => rm(partial(path), { force: true })));
    if (created !== undefined) await rm(created, { recursive: true, force: true });
    throw error;
  }
  for (const path of paths) await rename(partial(path), path);
  return paths;
}
