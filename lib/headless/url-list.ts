import { readFile } from 'node:fs/promises';
import { checkUrl, type Shard } from './args';
import { UserError } from './errors';

/**
 * The pages a run starts from: URLs given as arguments, then those of `--urls-file`, without
 * repeats, cut down to this run's shard.
 */
export async function startUrls(args: string[], urlsFile: string | undefined, shard?: Shard): Promise<string[]> {
  const fromFile = urlsFile === undefined ? [] : parseUrlList(await readList(urlsFile), urlsFile);
  const all = [...new Set([...args, ...fromFile])];
  if (all.length === 0) throw new UserError(`no URL given: ${urlsFile} lists none`);
  const chosen = shard ? shardOf(all, shard) : all;
  if (chosen.length === 0) {
    throw new UserError(`shard ${shard!.index}/${shard!.count} is empty: the list has only ${all.length} URLs`);
  }
  return chosen;
}

/** Pure: one URL per line; blank lines and `#` comments are skipped; a bad line is named. */
export function parseUrlList(text: string, fileName: string): string[] {
  const urls: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const url = line.replace(/(^|\s)#.*$/, '').trim();
    if (url === '') return;
    checkUrl(url, `${fileName}:${index + 1}: `);
    urls.push(url);
  });
  return urls;
}

/**
 * Pure: every n-th URL starting at the i-th (1-based), so shards of a list sorted by section get
 * a fair mix, and interleaving the shards' pages gives back the original order.
 */
export function shardOf<T>(items: readonly T[], { index, count }: Shard): T[] {
  return items.filter((_, position) => position % count === index - 1);
}

async function readList(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: cannot read the URL list (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
