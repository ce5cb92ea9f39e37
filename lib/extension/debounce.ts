/**
 * Runs `task(key)` once things go quiet for `waitMs`, but no later than `maxWaitMs` after the
 * first call, so a page that never stops sending requests still gets its badge updated.
 * One timer per key (per tab), so a busy tab never delays another. A call while the timer runs
 * only notes its time: the timer, when it fires, decides whether to wait on (a call per request
 * must not cost a timer each).
 */
export function debouncePerKey<K>(
  task: (key: K) => void,
  { waitMs, maxWaitMs }: { waitMs: number; maxWaitMs: number },
): (key: K) => void {
  const pending = new Map<K, { firstAt: number; lastAt: number }>();
  const fire = (key: K) => {
    const entry = pending.get(key);
    if (!entry) return;
    const dueAt = Math.min(entry.lastAt + waitMs, entry.firstAt + maxWaitMs);
    const now = Date.now();
    if (dueAt > now) {
      setTimeout(() => fire(key), dueAt - now);
      return;
    }
    pending.delete(key);
    task(key);
  };
  return (key) => {
    const now = Date.now();
    const entry = pending.get(key);
    if (entry) entry.lastAt = now;
    else {
      pending.set(key, { firstAt: now, lastAt: now });
      setTimeout(() => fire(key), waitMs);
    }
  };
}
