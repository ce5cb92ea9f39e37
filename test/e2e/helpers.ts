import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer, type FixtureServer } from '../fixtures/server';
import { runAudit } from '../../lib/headless/cli';
import { parseReport, type Report } from '../../lib/export/report';

export interface AuditRun {
  code: number;
  report?: Report;
  log: string[];
  outDir: string;
}

/** Runs the real CLI (building the extension if needed) against the fixture web. */
export async function auditFixture(server: FixtureServer, urls: string[], extra: string[] = []): Promise<AuditRun> {
  const outDir = await mkdtemp(join(tmpdir(), 'auditor-e2e-'));
  const log: string[] = [];
  const code = await runAudit(
    [...urls, '--host-rules', server.hostRules, '--insecure', '--out', outDir, '--wait-ms', '4000', ...extra],
    (line) => log.push(line),
  );
  let report: Report | undefined;
  try {
    report = parseReport(JSON.parse(await readFile(join(outDir, 'report.json'), 'utf8')), 'report.json');
  } catch {
    report = undefined;
  }
  return { code, report, log, outDir };
}

export { startFixtureServer };
