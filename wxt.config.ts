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

/**
 * Firefox keys an add-on's storage (our IndexedDB of observations and verdicts) and its
 * moz-extension:// address to this id; without one every temporary install gets a random id.
 */
const FIREFOX_ADDON_ID = 'policy-tracker-auditor@auditor.invalid';

// The manifest is generated from entrypoints/ and public/icon/<size>.png; permissions and ids live here.
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Policy vs. Trackers Auditor',
    description:
      'Flags the trackers a site uses that its own privacy policy does not disclose.',
    permissions: ['webRequest', 'cookies', 'storage', 'tabs', 'unlimitedStorage', 'scripting'],
    host_permissions: ['<all_urls>'],
    // Chromium warns of an unknown manifest key on chrome://extensions: Firefox's settings go to Firefox only.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: FIREFOX_ADDON_ID,
          // Observations stay in the browser and exports are downloads: nothing is collected.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  zip: {
    // The sources zip is what Mozilla's reviewers rebuild the Firefox package from: the checkout
    // without local run output (git-ignored, but WXT does not read .gitignore).
    excludeSources: ['audit-report/**', 'test-artifacts/**', '.scratch/**', '*.log'],
  },
  vite: () => ({
    // One Public Suffix List in the worker: the adblocker's copy of tldts resolves to the one the
    // auditor classifies hosts with (same API), which also keeps trackerdb's domains exact.
    resolve: { alias: { 'tldts-experimental': 'tldts' } },
    define: { 'import.meta.env.AUDITOR_TRACKERDB': JSON.stringify(withTrackerDb ? 'on' : 'off') },
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      if (withTrackerDb) files.push({ absoluteSrc: trackerDbEngineFile(), relativeDest: 'trackerdb.engine' });
    },
  },
});
