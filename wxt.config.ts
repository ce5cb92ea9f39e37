import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * Ghostery's trackerdb (CC-BY-NC-SA-4.0) ships inside the extension for users who switch it on in
 * the options page. `AUDITOR_TRACKERDB=off npm run build` leaves its code and data out entirely.
 */
const withTrackerDb = process.env.AUDITOR_TRACKERDB?.trim().toLowerCase() !== 'off';

function trackerDbEngineFile(): string {
  // The package's "exports" expose only the code; the serialized engine sits beside dist/cjs/.
  const entry = createRequire(import.meta.url).resolve('@ghostery/trackerdb');
  return join(dirname(entry), '..', 'trackerdb.engine');
}

// The manifest is generated from entrypoints/; only permissions live here.
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Policy vs. Trackers Auditor',
    description:
      'Flags the trackers a site uses that its own privacy policy does not disclose.',
    permissions: ['webRequest', 'cookies', 'storage', 'tabs', 'unlimitedStorage', 'scripting'],
    host_permissions: ['<all_urls>'],
  },
  vite: () => ({
    define: { 'import.meta.env.AUDITOR_TRACKERDB': JSON.stringify(withTrackerDb ? 'on' : 'off') },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      if (withTrackerDb) files.push({ absoluteSrc: trackerDbEngineFile(), relativeDest: 'trackerdb.engine' });
    },
  },
});
