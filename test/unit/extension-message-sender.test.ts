import { describe, expect, it } from 'vitest';
import { isExtensionPage } from '../../lib/extension/message-sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;

describe('isExtensionPage', () => {
  it.each([
    ['the popup', { id: ID, url: `${ORIGIN}/popup.html?tabId=3` }, true],
    ['the options page opened in a tab', { id: ID, url: `${ORIGIN}/options.html` }, true],
    ['our content script in an audited page', { id: ID, url: 'https://www.shop.test/' }, false],
    ['a page pretending with a look-alike path', { id: ID, url: `https://evil.test/${ORIGIN}/popup.html` }, false],
    ['another extension', { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/x.html' }, false],
    ['no URL at all', { id: ID }, false],
    ['a URL that does not parse', { id: ID, url: 'not a url' }, false],
  ])('%s → %s', (_who, sender, expected) => {
    expect(isExtensionPage(sender, ID, ORIGIN)).toBe(expected);
  });
});
