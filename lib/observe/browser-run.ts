import { browser } from 'wxt/browser';

const KEY = 'browserRun';

/**
 * An id for this run of the browser: kept in session storage, which outlives a stopped and
 * restarted service worker but not the browser itself. Request ids are unique only within a run.
 */
export async function browserRunId(): Promise<string> {
  const fresh = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0');
  const area = browser.storage.session;
  if (!area) return fresh;
  try {
    const stored = (await area.get(KEY))[KEY];
    if (typeof stored === 'string' && stored) return stored;
    await area.set({ [KEY]: fresh });
    return fresh;
  } catch {
    return fresh;
  }
}
