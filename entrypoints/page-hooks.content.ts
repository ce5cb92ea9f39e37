import { installPageHooks } from '@/lib/observe/page/hooks';

// MAIN world at document_start in every frame (about:blank and blob frames too): the hooks must be
// in place before the page's first script runs.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  world: 'MAIN',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    installPageHooks(globalThis);
  },
});
