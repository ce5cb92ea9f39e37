import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReportFiles, type ExportFormat } from '../../lib/export/index';
import { parseReport } from '../../lib/model/report';
import { sampleReport } from './export-fixture';

describe('writeReportFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-test-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every format into a new directory and returns the paths', async () => {
    const out = join(dir, 'nested', 'run-1');
    const paths = await writeReportFiles(sampleReport(), out, ['html', 'csv', 'json']);
    expect(paths).toEqual(['report.json', 'findings.csv', 'observations.csv', 'report.html'].map((n) => join(out, n)));
    expect(parseReport(JSON.parse(await readFile(paths[0]!, 'utf8'))).findings).toHaveLength(5);
    expect(Papa.parse(await readFile(paths[1]!, 'utf8'), { header: true, skipEmptyLines: true }).data).toHaveLength(5);
    expect(Papa.parse(await readFile(paths[2]!, 'utf8'), { header: true, skipEmptyLines: true }).data).toHaveLength(5);
    expect(await readFile(paths[3]!, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('writes only the formats asked for, once each', async () => {
    const paths = await writeReportFiles(sampleReport(), dir, ['csv', 'csv']);
    expect(paths.map((p) => p.slice(dir.length + 1))).toEqual(['findings.csv', 'observations.csv']);
    expect((await readdir(dir)).sort()).toEqual(['findings.csv', 'observations.csv']);
  });

  it('writes nothing when the report is invalid, and names the field', async () => {
    const report = sampleReport();
    (report.findings[0] as { status: string }).status = 'unknown';
    await expect(writeReportFiles(report, dir, ['json', 'html'])).rejects.toThrow(/^report: findings\[0\]\.status: /);
    expect(await readdir(dir)).toEqual([]);
  });

  it('rejects an unknown format by name', async () => {
    await expect(writeReportFiles(sampleReport(), dir, ['pdf' as ExportFormat])).rejects.toThrow(
      'unknown export format "pdf": expected json, csv, html',
    );
  });
});

describe('browser safety of the export builders', () => {
  // The popup bundles everything ./builders reaches; a node: import there would break it at runtime.
  const exportDir = join(import.meta.dirname, '../../lib/export');
  const nodeOnly = new Set(['index.ts', 'write-files.ts']);

  it.each(readdirSync(exportDir).filter((f) => f.endsWith('.ts') && !nodeOnly.has(f)))('%s imports no Node module', (file) => {
    const source = readFileSync(join(exportDir, file), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    expect(imports.filter((spec) => spec.startsWith('node:') || ['fs', 'path', 'os'].includes(spec) || spec.endsWith('write-files'))).toEqual([]);
  });
});
