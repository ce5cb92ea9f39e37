import { defineConfig } from 'wxt';

// The manifest is generated from entrypoints/; only permissions live here.
export default defineConfig({
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Policy vs. Trackers Auditor',
    description:
      'Flags the trackers a site uses that its own privacy policy does not disclose.',
    permissions: ['webRequest', 'cookies', 'storage', 'tabs', 'unlimitedStorage'],
    host_permissions: ['<all_urls>'],
  },
});
