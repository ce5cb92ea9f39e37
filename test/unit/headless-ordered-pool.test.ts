import { describe, expect, it } from 'vitest';
import { runOrderedPool } from '../../lib/headless/ordered-pool';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A crawl: each page links to the two pages after it, up to `pages`; visiting page n takes delays[n] ms. */
async function crawl(concurrency: number, delays: number[]) {
  const queue = [0];
  const queued = new Set(queue);
  const handed: number[] = [];
  let open = 0;
  let mostOpen = 0;
  await runOrderedPool<number, number[]>({
    concurrency,
    take: () => queue.shift(),
    run: async (page) => {
      open += 1;
      mostOpen = Math.max(mostOpen, open);
      await sleep(delays[page] ?? 1);
      open -= 1;
      return [page + 1, page + 2].filter((p) => p < delays.length);
    },
    handOver: (page, links) => {
      handed.push(page);
      for (const link of links) if (!queued.has(link)) queued.add(link) && queue.push(link);
    },
    stopped: () => false,
  });
  return { handed, mostOpen };
}

describe('runOrderedPool', () => {
  it('hands results over in the order a one-at-a-time run takes them, whatever finishes first', async () => {
    const delays = [5, 30, 1, 20, 1, 1, 15, 1];
    const sequential = await crawl(1, delays);
    const pooled = await crawl(3, delays);
    expect(pooled.handed).toEqual(sequential.handed);
    expect(sequential.mostOpen).toBe(1);
    expect(pooled.mostOpen).toBeGreaterThan(1);
    expect(pooled.mostOpen).toBeLessThanOrEqual(3);
  });

  it('keeps slots busy behind a slow task instead of waiting for it', async () => {
    const started: number[] = [];
    const tasks = [0, 1, 2, 3, 4];
    let slowDone = false;
    let startedWhileSlow = 0;
    await runOrderedPool<number, number>({
      concurrency: 2,
      take: () => tasks.shift(),
      run: async (task) => {
        started.push(task);
        if (!slowDone && task !== 0) startedWhileSlow += 1;
        await sleep(task === 0 ? 60 : 5);
        if (task === 0) slowDone = true;
        return task;
      },
      handOver: () => undefined,
      stopped: () => false,
    });
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(startedWhileSlow).toBe(4);
  });

  it('stops taking tasks once stopped, hands over what runs, and reports a failed task', async () => {
    const tasks = [0, 1, 2, 3];
    const handed: number[] = [];
    let stop = false;
    await runOrderedPool<number, number>({
      concurrency: 1,
      take: () => tasks.shift(),
      run: async (task) => task,
      handOver: (task) => {
        handed.push(task);
        stop = task === 1;
      },
      stopped: () => stop,
    });
    expect(handed).toEqual([0, 1]);
    await expect(
      runOrderedPool<number, number>({
        concurrency: 2,
        take: (() => { const q = [0, 1]; return () => q.shift(); })(),
        run: async (task) => {
          if (task === 1) throw new Error('tab lost');
          return task;
        },
        handOver: () => undefined,
        stopped: () => false,
      }),
    ).rejects.toThrow('tab lost');
  });
});
