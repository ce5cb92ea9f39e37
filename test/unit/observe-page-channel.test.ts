import { describe, expect, it } from 'vitest';
import { acceptChannel, offerChannel } from '../../lib/observe/page/channel';

/** The DOM the two worlds share, reduced to what the channel uses: event targets and one document. */
class FakeMouseEvent extends Event {
  readonly relatedTarget: EventTarget | null;
  constructor(type: string, init?: MouseEventInit) {
    super(type, init);
    this.relatedTarget = init?.relatedTarget ?? null;
  }
}

function fakeWindow() {
  const document = Object.assign(new EventTarget(), { createElement: () => new EventTarget() });
  const seenOnDocument: string[] = [];
  const dispatch = document.dispatchEvent.bind(document);
  document.dispatchEvent = (event: Event) => {
    seenOnDocument.push(event.type);
    return dispatch(event);
  };
  const win = { document, Reflect, EventTarget, CustomEvent, MouseEvent: FakeMouseEvent } as unknown as typeof globalThis;
  return { win, document: document as unknown as Document, seenOnDocument };
}

describe('the channel between the page hooks and the observer', () => {
  it('works when the hooks run first: what they reported before the observer came is delivered', () => {
    const { win, document } = fakeWindow();
    const post = offerChannel(win);
    post('early');
    const received: string[] = [];
    acceptChannel(document, (detail) => received.push(detail));
    post('late');
    expect(received).toEqual(['early', 'late']);
  });

  it('works when the observer runs first', () => {
    const { win, document } = fakeWindow();
    const received: string[] = [];
    acceptChannel(document, (detail) => received.push(detail));
    const post = offerChannel(win);
    post('one');
    post('two');
    expect(received).toEqual(['one', 'two']);
  });

  it('sends reports on the private element only, never on the document', () => {
    const { win, document, seenOnDocument } = fakeWindow();
    const post = offerChannel(win);
    acceptChannel(document, () => undefined);
    const handshake = seenOnDocument.length;
    const onDocument: string[] = [];
    for (const type of ['report', 'accepted', ...seenOnDocument]) document.addEventListener(type, (e) => onDocument.push(e.type), true);
    post('secret');
    expect(seenOnDocument).toHaveLength(handshake);
    expect(onDocument).toEqual([]);
  });

  it('ignores offers made after the handover (a page forging one later)', () => {
    const { win, document, seenOnDocument } = fakeWindow();
    const received: string[] = [];
    const post = offerChannel(win);
    acceptChannel(document, (detail) => received.push(detail));
    const forged = new EventTarget();
    const offerType = seenOnDocument[0]!;
    document.dispatchEvent(new FakeMouseEvent(offerType, { relatedTarget: forged }));
    forged.dispatchEvent(new CustomEvent('report', { detail: 'forged' }));
    post('real');
    expect(received).toEqual(['real']);
  });

  it('keeps at most 500 reports while the observer is not there', () => {
    const { win, document } = fakeWindow();
    const post = offerChannel(win);
    for (let i = 0; i < 600; i++) post(String(i));
    const received: string[] = [];
    acceptChannel(document, (detail) => received.push(detail));
    expect(received).toHaveLength(500);
    expect(received.at(-1)).toBe('499');
  });

  it('tells the observer, when it asks, how many reports were not kept or not made', () => {
    const { win, document } = fakeWindow();
    let notMade = 0;
    const post = offerChannel(win, () => {
      const count = notMade;
      notMade = 0;
      return count;
    });
    for (let i = 0; i < 650; i++) post(String(i));
    const leftOut: number[] = [];
    const channel = acceptChannel(document, () => undefined, (count) => leftOut.push(count));
    channel.collectLeftOut();
    notMade = 7;
    channel.collectLeftOut();
    channel.collectLeftOut();
    expect(leftOut).toEqual([150, 7]);
  });
});
