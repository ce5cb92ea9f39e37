import { browser } from 'wxt/browser';
import { startPageObserver } from '@/lib/observe/page/observer';
import { sendWithRetry } from '@/lib/observe/page/send-with-retry';

// Isolated world in every frame: relays hook reports and reads the frame's own storage.
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  main() {
    startPageObserver(window, ({ events, leftOut }) => {
      void sendWithRetry(() => browser.runtime.sendMessage({ type: 'page-events', events, ...(leftOut ? { leftOut } : {}) }));
    });
  },
});
