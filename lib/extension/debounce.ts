/**
 * Runs `task(key)` once things go quiet for `waitMs`, but no later than `maxWaitMs` after the
 * first call, so a page that never stops sending requests still gets its badge updated.
 * One timer per key (per tab), so a busy tab never delays another.
 */
export function debouncePerKey<K>(
  task: (key: K) => void,
  { waitMs, maxWaitMs }: { waitMs: number; maxWaitMs: number },
): (key: K) => void {
  const pending = new Map<K, { timer: ReturnType<typeof setTimeout>; firstAt: number }>();
  return (key) => {
    const now = Date.now();
    const entry = pending.get(key);
    if (entry) clearTimeout(entry.timer);
    const firstAt = entry?.firstAt ?? now;
    const delay = Math.max(0, Math.min(waitMs, firstAt + maxWaitMs - now));
    const timer = setTimeout(() => {
      pending.delete(key);
      task(key);
    }, delay);
    pending.set(key, { timer, firstAt });
  };
}
