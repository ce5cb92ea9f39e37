/**
 * Runs up to `concurrency` tasks at once and hands their results over in the order the tasks were
 * taken, each as soon as every earlier one is handed over. A task is taken only when a slot is
 * free, so tasks found while others run (a crawl's links) join the same queue: with a
 * first-in-first-out source the tasks and their order are those of a one-at-a-time run.
 */
export interface OrderedPool<T, R> {
  concurrency: number;
  /** The next task, or undefined when there is none now (more may come once results are handed over). */
  take(): T | undefined;
  run(task: T, index: number): Promise<R>;
  /** Called in task order; the next tasks are taken after it returns. */
  handOver(task: T, result: R, index: number): Promise<void> | void;
  stopped(): boolean;
}

type Settled<R> = { ok: true; result: R } | { ok: false; error: unknown };

export async function runOrderedPool<T, R>(pool: OrderedPool<T, R>): Promise<void> {
  const slots = Math.max(1, pool.concurrency);
  const tasks = new Map<number, T>();
  const settled = new Map<number, Settled<R>>();
  let running = 0;
  let taken = 0;
  let handedOver = 0;
  let wake: () => void = () => undefined;
  for (;;) {
    // Results wait for earlier ones in memory only (the tab is closed by then); a page that
    // hangs may hold back at most a few slots' worth of them.
    while (running < slots && taken - handedOver < slots * 4 && !pool.stopped()) {
      const task = pool.take();
      if (task === undefined) break;
      const index = taken++;
      tasks.set(index, task);
      running += 1;
      pool.run(task, index).then(
        (result) => settled.set(index, { ok: true, result }),
        (error: unknown) => settled.set(index, { ok: false, error }),
      ).finally(() => {
        running -= 1;
        wake();
      });
    }
    if (taken === handedOver) return;
    if (!settled.has(handedOver)) await new Promise<void>((resolve) => (wake = resolve));
    for (let done = settled.get(handedOver); done !== undefined; done = settled.get(handedOver)) {
      const task = tasks.get(handedOver)!;
      settled.delete(handedOver);
      tasks.delete(handedOver);
      if (!done.ok) throw done.error;
      await pool.handOver(task, done.result, handedOver);
      handedOver += 1;
    }
  }
}
