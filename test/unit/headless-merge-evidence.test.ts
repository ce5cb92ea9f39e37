import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyShardEvidence } from '../../lib/headless/merge-evidence';
import type { PageVisit } from '../../lib/model/report';

async function shardDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'auditor-shard-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, 'pages'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

describe('copyShardEvidence: a merged report links its own copies of the shards’ files', () => {
  it('copies each file beside the merged report under the shard’s prefix and links the copy', async () => {
    const shard1 = await shardDir({ 'pages/1-none.png': 'png of shard 1', 'pages/1-none.har': '{"log":1}' });
    const shard2 = await shardDir({ 'pages/1-none.png': 'png of shard 2' });
    const out = await mkdtemp(join(tmpdir(), 'auditor-merged-'));
    const used = new Set<string>();
    const warnings: string[] = [];
    const page = (extra: Partial<PageVisit>): PageVisit => ({ url: 'https://a.test/', finalUrl: 'https://a.test/', consent: 'none', ...extra });

    const first = await copyShardEvidence([page({ screenshot: 'pages/1-none.png', har: 'pages/1-none.har' })], { reportFile: join(shard1, 'report.json'), prefix: 's1' }, out, used, (l) => warnings.push(l));
    const second = await copyShardEvidence([page({ screenshot: 'pages/1-none.png' }), page({})], { reportFile: join(shard2, 'report.json'), prefix: 's2' }, out, used, (l) => warnings.push(l));

    expect(first).toEqual([page({ screenshot: 'pages/s1-1-none.png', har: 'pages/s1-1-none.har' })]);
    expect(second).toEqual([page({ screenshot: 'pages/s2-1-none.png' }), page({})]);
    expect(await readFile(join(out, 'pages/s1-1-none.png'), 'utf8')).toBe('png of shard 1');
    expect(await readFile(join(out, 'pages/s2-1-none.png'), 'utf8')).toBe('png of shard 2');
    expect(await readFile(join(out, 'pages/s1-1-none.har'), 'utf8')).toBe('{"log":1}');
    expect(warnings).toEqual([]);
  });

  it('drops the link of a file the shard’s directory does not have, with a warning, and never follows a path out of it', async () => {
    const shard = await shardDir({});
    const out = await mkdtemp(join(tmpdir(), 'auditor-merged-'));
    const warnings: string[] = [];
    const pages = await copyShardEvidence(
      [{ url: 'https://a.test/', finalUrl: 'https://a.test/', screenshot: 'pages/3-accept.png', har: '../../etc/passwd' }],
      { reportFile: join(shard, 'report.json'), prefix: 's3' },
      out,
      new Set(),
      (l) => warnings.push(l),
    );
    expect(pages).toEqual([{ url: 'https://a.test/', finalUrl: 'https://a.test/' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: .*report\.json: pages\/3-accept\.png could not be copied \(ENOENT\); the merged report does not link it$/);
  });
});
