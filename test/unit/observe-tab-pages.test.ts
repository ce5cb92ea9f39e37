import { describe, expect, it } from 'vitest';
import { requestDocument, senderDocument, TabPages } from '../../lib/observe/tab-pages';
import { navigationShowsDocument, type RawRequest } from '../../lib/observe/requests';

const A = 'https://site-a.test/leave.html';
const B = 'https://site-b.test/arrive.html';
const TAB = 7;

/** A Chromium subresource request from a document (frameType and document ids as Chromium 106+ sends them). */
const fromDocument = (documentId: string, lifecycle = 'active', extra: Partial<RawRequest> = {}): RawRequest => ({
  requestId: '1',
  url: 'https://pixel.test/p.gif',
  type: 'image',
  tabId: TAB,
  timeStamp: 0,
  frameType: 'outermost_frame',
  documentId,
  documentLifecycle: lifecycle,
  ...extra,
});

/** A tab that showed A (its document seen) and has started navigating to B. */
async function leavingA(): Promise<TabPages> {
  const pages = new TabPages(async () => undefined);
  pages.navigationStarted(TAB, A);
  expect(await pages.pageUrlFor(fromDocument('doc-a', ''))).toBe(A);
  pages.navigationStarted(TAB, B);
  return pages;
}

describe('TabPages: the page of the document that sent it (Chromium)', () => {
  it('credits a request of the page being left to that page, before and after the next page shows', async () => {
    const pages = await leavingA();
    expect(await pages.pageUrlFor(fromDocument('doc-a'))).toBe(A);
    expect(await pages.pageUrlFor(fromDocument('doc-b'))).toBe(B); // B's first document: B shows now
    expect(await pages.pageOfTab(TAB)).toBe(B);
    expect(await pages.pageUrlFor(fromDocument('doc-a', 'pending_deletion'))).toBe(A);
  });

  it('credits a document never seen while it showed, being left, to the page before the current one', async () => {
    const pages = new TabPages(async () => undefined);
    pages.navigationStarted(TAB, A);
    await pages.pageOfDocument(senderDocument({ tab: { id: TAB }, frameId: 0, url: A, documentId: 'doc-a', documentLifecycle: 'active' })!);
    pages.navigationStarted(TAB, B);
    // Still navigating: the page the tab shows is the one being left.
    expect(await pages.pageUrlFor(fromDocument('unseen-1', 'pending_deletion'))).toBe(A);
    expect(await pages.pageUrlFor(fromDocument('doc-b'))).toBe(B);
    expect(await pages.pageUrlFor(fromDocument('unseen-2', 'pending_deletion'))).toBe(A);
  });

  it('keeps the page when a navigation ends without a document (a download)', async () => {
    const pages = new TabPages(async () => undefined);
    pages.navigationStarted(TAB, A);
    await pages.pageUrlFor(fromDocument('doc-a'));
    pages.navigationStarted(TAB, 'https://site-a.test/report.zip');
    pages.navigationEnded(TAB, 'https://site-a.test/report.zip');
    expect(await pages.pageOfTab(TAB)).toBe(A);
    expect(await pages.pageUrlFor(fromDocument('doc-a'))).toBe(A);
  });

  it('credits a frame to the page of its parent document, whatever the frame', async () => {
    const pages = await leavingA();
    const frame = fromDocument('frame-of-a', 'active', { frameType: 'sub_frame', parentDocumentId: 'doc-a' });
    expect(await pages.pageUrlFor(frame)).toBe(A);
    expect(await pages.pageOfDocument(senderDocument({ tab: { id: TAB }, frameId: 3, url: 'https://ads.test/f.html', documentId: 'frame-of-a' })!)).toBe(A);
  });

  it('credits a frame the page navigated to loads before any request of its own to that page, not the page the tab showed', async () => {
    const pages = await leavingA();
    const frameNavigation: RawRequest = { ...fromDocument('', 'active', { type: 'sub_frame', frameType: 'sub_frame', parentDocumentId: 'doc-b' }), documentId: undefined };
    expect(await pages.pageUrlFor(frameNavigation)).toBe(B);
    expect(await pages.pageUrlFor(fromDocument('doc-b'))).toBe(B);
    expect(await pages.pageUrlFor(fromDocument('doc-a', 'pending_deletion'))).toBe(A);
  });

  it('switches the tab back to a page restored from the back/forward cache', async () => {
    const pages = await leavingA();
    await pages.pageUrlFor(fromDocument('doc-b'));
    expect(await pages.pageUrlFor(fromDocument('doc-a', 'active'))).toBe(A);
    expect(await pages.pageOfTab(TAB)).toBe(A);
  });

  it('asks the tabs API after a worker restart, when nothing is known', async () => {
    const pages = new TabPages(async (tabId) => (tabId === TAB ? B : undefined));
    expect(await pages.pageUrlFor(fromDocument('doc-b'))).toBe(B);
  });
});

describe('TabPages: Firefox (no document ids; the top-level URL with each request)', () => {
  const firefox = (documentUrl: string, extra: Partial<RawRequest> = {}): RawRequest => ({
    requestId: '1', url: 'https://pixel.test/p.gif', type: 'beacon', tabId: TAB, timeStamp: 0, parentFrameId: -1, documentUrl, ...extra,
  });

  it('credits a pagehide beacon to its document URL, and switches the tab when the new page is seen', async () => {
    const pages = new TabPages(async () => undefined);
    pages.navigationStarted(TAB, A);
    expect(await pages.pageUrlFor(firefox(A))).toBe(A);
    pages.navigationStarted(TAB, B);
    expect(await pages.pageUrlFor(firefox(A))).toBe(A);
    expect(await pages.pageOfTab(TAB)).toBe(A);
    expect(await pages.pageUrlFor(firefox(B))).toBe(B);
    expect(await pages.pageOfTab(TAB)).toBe(B);
    expect(await pages.pageUrlFor(firefox(A))).toBe(A);
  });

  it('reads a frame request\'s page from its ancestors', () => {
    const ref = requestDocument(firefox('https://ads.test/f.html', { parentFrameId: 0, frameAncestors: [{ url: A }] }));
    expect(ref).toMatchObject({ top: false, topUrl: A });
  });

  it('credits a message from a top frame to its URL, and from a frame to the tab\'s page', async () => {
    const pages = new TabPages(async () => undefined);
    pages.navigationStarted(TAB, A);
    expect(await pages.pageOfDocument(senderDocument({ tab: { id: TAB }, frameId: 0, url: `${A}#top` })!)).toBe(A);
    expect(await pages.pageOfDocument(senderDocument({ tab: { id: TAB }, frameId: 2, url: 'https://ads.test/f.html' })!)).toBe(A);
  });
});

describe('navigationShowsDocument', () => {
  it.each([
    [{ statusCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'text/html' }] }, true],
    [{ statusCode: 200, responseHeaders: [{ name: 'Content-Disposition', value: 'attachment; filename="a.zip"' }] }, false],
    [{ statusCode: 200, responseHeaders: [{ name: 'content-disposition', value: 'inline; filename="a.pdf"' }] }, true],
    [{ statusCode: 204 }, false],
    [{ error: 'net::ERR_ABORTED' }, false],
  ])('%j → %s', (raw, shows) => {
    expect(navigationShowsDocument(raw)).toBe(shows);
  });
});
