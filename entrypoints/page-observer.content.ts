import { browser } from 'wxt/browser';
import { startPageObserver } from '@/lib/observe/page/observer';

// Isolated world in every frame: relays hook reports and reads the frame's own storage.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    startPageObserver(window, (events) => {
      // The worker may be restarting or the extension reloaded: nothing to do but drop the batch.
      browser.runtime.sendMessage({ type: 'page-events', events }).catch(() => undefined);
    });
  },
});
