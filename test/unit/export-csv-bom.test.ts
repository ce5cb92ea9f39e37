import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingsToCsv, observationsToCsv } from '../../lib/export/csv';
import { writeReportFiles } from '../../lib/export/index';
import type { Report } from '../../lib/model/report';
import { exportFile } from '../../lib/ui/export-files';
import { observation, sampleReport } from './export-fixture';

/*
 * Excel decides a CSV file's encoding from its first bytes: EF BB BF means UTF-8, anything else the
 * legacy code page. Every way a CSV file leaves the tool must start with those bytes.
 */
const BOM_BYTES = [0xef, 0xbb, 0xbf];
const NON_ASCII = 'Datenschutzerklärung «consentement» クッキー 🍪';

function reportWithNonAscii(): Report {
  const report = sampleReport();
  report.observations.push(observation({ id: 'o-intl', kind: 'cookie', url: undefined, host: 'www.shop.test', name: NON_ASCII }));
  report.findings[0] = { ...report.findings[0]!, subject: NON_ASCII };
  return report;
}

const firstBytes = (bytes: Uint8Array) => [...bytes.subarray(0, 3)];

describe('CSV text', () => {
  it.each([
    ['findings', findingsToCsv],
    ['observations', observationsToCsv],
  ])('%s CSV starts with one byte order mark and keeps non-ASCII text', (_, toCsv) => {
    const csv = toCsv(reportWithNonAscii());
    expect(csv.startsWith('\uFEFFid,')).toBe(true);
    expect(csv.lastIndexOf('\uFEFF')).toBe(0);
    expect(firstBytes(new TextEncoder().encode(csv))).toEqual(BOM_BYTES);
    expect(csv).toContain(NON_ASCII);
  });

  it('parses back with "id" as the first header, the mark skipped', () => {
    const parsed = Papa.parse<Record<string, string>>(observationsToCsv(reportWithNonAscii()), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields?.[0]).toBe('id');
    expect(parsed.data.find((row) => row.id === 'o-intl')?.name).toBe(NON_ASCII);
  });
});

describe('CSV files written by the CLI', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'export-bom-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('start with EF BB BF and hold the text in UTF-8; report.json does not get the mark', async () => {
    await writeReportFiles(reportWithNonAscii(), dir, ['json', 'csv']);
    for (const name of ['findings.csv', 'observations.csv']) {
      const bytes = await readFile(join(dir, name));
      expect(firstBytes(bytes), name).toEqual(BOM_BYTES);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes), name).toContain(NON_ASCII);
    }
    expect((await readFile(join(dir, 'report.json')))[0]).toBe('{'.charCodeAt(0));
  });
});

describe('CSV downloads from the extension', () => {
  it.each(['findings-csv', 'observations-csv'] as const)('%s: the Blob the page downloads starts with EF BB BF', async (choice) => {
    const file = exportFile(reportWithNonAscii(), choice, 'shop.test');
    // The same Blob that lib/ui/download.ts hands to the browser.
    const bytes = new Uint8Array(await new Blob([file.text], { type: file.mime }).arrayBuffer());
    expect(firstBytes(bytes)).toEqual(BOM_BYTES);
    expect(new TextDecoder('utf-8').decode(bytes)).toContain(NON_ASCII);
    expect(file.mime).toBe('text/csv;charset=utf-8');
  });

  it('leaves JSON and HTML downloads without the mark', () => {
    expect(exportFile(sampleReport(), 'json').text.startsWith('{')).toBe(true);
    expect(exportFile(sampleReport(), 'html').text.startsWith('<!doctype html>')).toBe(true);
  });
});
