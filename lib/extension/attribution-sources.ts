import { browser } from 'wxt/browser';
import type { AttributionSources } from '../audit/build-report';
import type { AttributionSource } from '../classify/source';
import { SETTINGS, TRACKERDB_BUNDLED } from '../store/settings';


/**
 * The attribution sources the user's settings choose, for every report and badge count the worker
 * makes. trackerdb is loaded on first use (about a second and 20 MB of worker memory) and kept.
 */
export function attributionSources(): () => Promise<AttributionSources> {
  let loading: Promise<AttributionSource> | undefined;
  return async () => {
    const stored = await browser.storage.local.get(SETTINGS.useTrackerDb);
    if (!TRACKERDB_BUNDLED || stored[SETTINGS.useTrackerDb] !== true) return { trackerDb: false };
    loading ??= loadBundledTrackerDb().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return { trackerDb: await loading };
  };
}

async function loadBundledTrackerDb(): Promise<AttributionSource> {
  // A constant condition: the bundler drops this import from builds without trackerdb.
  if (import.meta.env.AUDITOR_TRACKERDB === 'off') throw new Error('this build does not include trackerdb');
  const { loadTrackerDbSource } = await import('../classify/trackerdb-source');
  const response = await fetch(browser.runtime.getURL('/trackerdb.engine' as '/'));
  return loadTrackerDbSource(new Uint8Array(await response.arrayBuffer()));
}
