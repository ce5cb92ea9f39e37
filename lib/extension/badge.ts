import { browser } from 'wxt/browser';
import { debouncePerKey } from './debounce';
import { siteOfUrl } from './site-of-tab';

export interface BadgeDeps {
  /** Undisclosed findings of the site's session. */
  undisclosedCount(site: string): Promise<number>;
}

const BADGE_COLOUR = '#c62828';

export interface Badge {
  /** Recounts every tab: for changes that affect all of them (a policy imported or chosen, a new session). */
  recountAll(): void;
  /** A request of the tab was recorded (the request collector says so: no webRequest listener of its own). */
  noteActivity(tabId: number): void;
}

/**
 * The toolbar badge: how many undisclosed trackers the tab's site session has. Recounted when a
 * tab is activated or navigates, and while its requests arrive (debounced, so a busy page costs
 * one audit every couple of seconds, not one per request).
 */
export function startBadge(deps: BadgeDeps): Badge {
  const update = async (tabId: number) => {
    try {
      const tab = await browser.tabs.get(tabId);
      const site = siteOfUrl(tab.url);
      const count = site ? await deps.undisclosedCount(site) : 0;
      await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR });
      await browser.action.setTitle({
        tabId,
        title: site ? `${count} undisclosed tracker${count === 1 ? '' : 's'} on ${site}` : 'Policy vs. Trackers',
      });
    } catch {
      // The tab closed while we counted: nothing to show.
    }
  };
  const schedule = debouncePerKey((tabId: number) => void update(tabId), { waitMs: 800, maxWaitMs: 3000 });

  // Added synchronously at worker start, like every listener an MV3 worker must see when woken.
  browser.tabs.onActivated.addListener(({ tabId }) => schedule(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url !== undefined || change.status === 'complete') schedule(tabId);
  });

  return {
    recountAll: () => {
      void browser.tabs.query({}).then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) schedule(tab.id);
      });
    },
    // Requests are the steadiest sign that observations are arriving; cookies and storage follow them.
    noteActivity: (tabId) => {
      if (tabId >= 0) schedule(tabId);
    },
  };
}
