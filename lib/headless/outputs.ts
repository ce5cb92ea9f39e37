import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatSummary, writeReportFiles } from '../export/index';
import { MARKDOWN_FILE_NAME, toMarkdown } from '../export/markdown';
import type { Report } from '../model/report';
import type { PolicyInput } from '../policy/schema';
import { DRAFT_FILE } from './discovery-result';
import { failingFindings, reportedFailures } from './gate';
import { JUNIT_FILE_NAME, toJunitXml } from './junit';
import type { FailOn, OutputFormat } from './option-values';
import { consentComparison, failingLines } from './run-summary';
import { plural } from '../export/format';
import { EVIDENCE_DIR } from './page-evidence';

export interface Delivered {
  files: string[];
  /** Findings at or above the --fail-on level. */
  failing: number;
}

/** The formats whose content depends on --fail-on; lib/export's writer knows nothing of the gate. */
const GATED_FILES: Record<'junit' | 'markdown', { name: string; build: (report: Report, failOn: FailOn) => string }> = {
  junit: { name: JUNIT_FILE_NAME, build: toJunitXml },
  markdown: { name: MARKDOWN_FILE_NAME, build: (report, failOn) => toMarkdown(report, { failing: reportedFailures(failOn) }) },
};

/**
 * Writes the chosen formats (json, csv and html through lib/export; JUnit and report.md here, as
 * they list what the CI gate fails) and prints the summary table, the consent comparison and what
 * fails the run.
 */
export async function deliverReport(
  report: Report,
  options: { outDir: string; formats: readonly OutputFormat[]; failOn: FailOn; draft?: PolicyInput },
  io: { log(line: string): void; out(text: string): void },
): Promise<Delivered> {
  const isGated = (f: OutputFormat): f is keyof typeof GATED_FILES => f in GATED_FILES;
  const exportFormats = options.formats.filter((f): f is Exclude<OutputFormat, keyof typeof GATED_FILES> => !isGated(f));
  const files = exportFormats.length > 0 ? await writeReportFiles(report, options.outDir, exportFormats) : [];
  for (const format of options.formats.filter(isGated)) {
    const { name, build } = GATED_FILES[format];
    await mkdir(options.outDir, { recursive: true });
    const file = join(options.outDir, name);
    await writeFile(file, build(report, options.failOn), 'utf8');
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
  const evidence = evidenceLine(report, options.outDir);
  if (evidence) io.log(evidence);
  return { files, failing: failing.length };
}

/** `Evidence: 4 screenshots, 4 HAR files in out/pages` (--screenshot, --har), when there are any. */
function evidenceLine(report: Report, outDir: string): string | undefined {
  const screenshots = report.pages.filter((p) => p.screenshot).length;
  const hars = report.pages.filter((p) => p.har).length;
  if (screenshots + hars === 0) return undefined;
  const parts = [...(screenshots ? [plural(screenshots, 'screenshot')] : []), ...(hars ? [plural(hars, 'HAR file')] : [])];
  return `Evidence: ${parts.join(', ')} in ${join(outDir, EVIDENCE_DIR)}`;
}
