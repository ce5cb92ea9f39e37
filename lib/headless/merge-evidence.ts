import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import { isEvidencePath, type PageVisit } from '../model/report';
import { EVIDENCE_DIR } from './page-evidence';

/**
 * A merged report links its own copies of the shards' screenshots and HAR files, so the merged
 * directory stands alone (an artifact, a mail) as a single run's does: shard k's `pages/3-none.png`
 * becomes `pages/s<k>-3-none.png` in the merge's --out. A file the shard's directory does not
 * have (only report.json was downloaded) loses its link, with a warning.
 */
export async function copyShardEvidence(
  pages: readonly PageVisit[],
  shard: { reportFile: string; prefix: string },
  outDir: string,
  used: Set<string>,
  warn: (line: string) => void,
): Promise<PageVisit[]> {
  const copied: PageVisit[] = [];
  for (const page of pages) {
    const { screenshot, har, ...rest } = page;
    const links: Pick<PageVisit, 'screenshot' | 'har'> = {};
    for (const [field, link] of [['screenshot', screenshot], ['har', har]] as const) {
      if (link === undefined) continue;
      const target = isEvidencePath(link) ? await copyOne(link, shard, outDir, used, warn) : undefined;
      if (target) links[field] = target;
    }
    copied.push({ ...rest, ...links });
  }
  return copied;
}

async function copyOne(
  link: string,
  shard: { reportFile: string; prefix: string },
  outDir: string,
  used: Set<string>,
  warn: (line: string) => void,
): Promise<string | undefined> {
  const source = resolve(dirname(shard.reportFile), link);
  const base = `${shard.prefix}-${posix.basename(link)}`;
  let target = posix.join(EVIDENCE_DIR, base);
  for (let n = 2; used.has(target); n++) target = posix.join(EVIDENCE_DIR, `${n}-${base}`);
  try {
    await mkdir(join(outDir, EVIDENCE_DIR), { recursive: true });
    // The same file when a shard's report is merged into its own directory: nothing to copy.
    if (resolve(outDir, target) !== source) await copyFile(source, join(outDir, target));
  } catch (error) {
    warn(`warning: ${shard.reportFile}: ${link} could not be copied (${(error as NodeJS.ErrnoException).code ?? String(error)}); the merged report does not link it`);
    return undefined;
  }
  used.add(target);
  return target;
}
