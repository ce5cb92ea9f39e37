import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSummary, writeReportFiles } from '../export/index';
import type { Report } from '../model/report';
import type { PolicyInput } from '../policy/schema';
import { DRAFT_FILE } from './policy-discovery';
import { failingFindings } from './gate';
import { JUNIT_FILE_NAME, toJunitXml } from './junit';
import type { FailOn, OutputFormat } from './option-values';
import { consentComparison, failingLines } from './run-summary';

export interface Delivered {
  files: string[];
  /** Findings at or above the --fail-on level. */
  failing: number;
}

/**
 * Writes the chosen formats (json, csv and html through lib/export; JUnit here, as only CI
 * servers read it) and prints the summary table, the consent comparison and what fails the run.
 */
export async function deliverReport(
  report: Report,
  options: { outDir: string; formats: readonly OutputFormat[]; failOn: FailOn; draft?: PolicyInput },
  io: { log(line: string): void; out(text: string): void },
): Promise<Delivered> {
  const exportFormats = options.formats.filter((f): f is Exclude<OutputFormat, 'junit'> => f !== 'junit');
  const files = exportFormats.length > 0 ? await writeReportFiles(report, options.outDir, exportFormats) : [];
  if (options.formats.includes('junit')) {
    await mkdir(options.outDir, { recursive: true });
    const file = join(options.outDir, JUNIT_FILE_NAME);
    await writeFile(file, toJunitXml(report, options.failOn), 'utf8');
    files.push(file);
  }
  if (options.draft) {
    // Beside the report, valid against the policy schema: a reviewer corrects it and commits it to policy/.
    await mkdir(options.outDir, { recursive: true });
    const file = join(options.outDir, DRAFT_FILE);
    await writeFile(file, `${JSON.stringify(options.draft, null, 2)}\n`, 'utf8');
    files.push(file);
  }
  const failing = failingFindings(report.findings, options.failOn);
  const comparison = consentComparison(report);
  io.out(`${formatSummary(report)}${comparison ? `\n${comparison}` : ''}`);
  for (const line of failingLines(failing, options.failOn)) io.log(line);
  io.log(`Report: ${files.join(', ')}`);
  return { files, failing: failing.length };
}
