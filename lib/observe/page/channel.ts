/**
 * The private channel from the MAIN-world hooks to the isolated-world observer.
 *
 * Both content scripts run at document_start, before any page script, in either order. They meet
 * once on `document`: the hooks offer a detached element as a MouseEvent's relatedTarget (a DOM
 * node is the one reference that crosses worlds), the observer takes it, stops listening on
 * `document` and answers on the element. From then on every report is an event on that element.
 * It is in no tree, so no listener of the page is on its path (not even a capturing one on
 * window); the page never gets a reference to it, so it can neither listen to reports nor stop
 * them; and the hooks dispatch with EventTarget and CustomEvent functions taken before the page
 * could patch them. The page can still forge reports by calling the hooked APIs itself: whatever
 * arrives this way is page-hook evidence only.
 */
const OFFER = '__policy_tracker_auditor_offer__';
const READY = '__policy_tracker_auditor_ready__';
const ACCEPTED = 'accepted';
const REPORT = 'report';
const LEFT_OUT = 'left-out';
const ASK = 'ask-left-out';

/**
 * Reports made before the observer took the channel (it runs second): kept until it does; past
 * this many they are counted, and the count is handed over with them.
 */
const MAX_EARLY_REPORTS = 500;

/**
 * MAIN world, at document_start: returns the function that posts one report (a JSON string).
 * Everything it calls later was taken now, while only the browser's own functions exist.
 * `leftOut` says how many reports the hooks did not make (report-limits.ts); the observer asks.
 */
export function offerChannel(win: typeof globalThis, leftOut: () => number = () => 0): (detail: string) => void {
  const doc = win.document;
  const apply = win.Reflect.apply;
  const { dispatchEvent, addEventListener, removeEventListener } = win.EventTarget.prototype;
  const CustomEventCtor = win.CustomEvent;
  const channel = doc.createElement('span');
  let early: string[] | undefined = [];
  let earlyLeftOut = 0;
  // No prototype: the event constructors read their options, and Object.prototype is the page's.
  const post = (detail: string) => apply(dispatchEvent, channel, [new CustomEventCtor(REPORT, { __proto__: null, detail } as CustomEventInit)]);
  const offer = () => apply(dispatchEvent, doc, [new win.MouseEvent(OFFER, { __proto__: null, relatedTarget: channel } as MouseEventInit)]);
  const accepted = () => {
    apply(removeEventListener, doc, [READY, offer]);
    apply(removeEventListener, channel, [ACCEPTED, accepted]);
    const pending = early ?? [];
    early = undefined;
    for (let i = 0; i < pending.length; i++) post(pending[i]!);
  };
  apply(addEventListener, channel, [ACCEPTED, accepted]);
  // Answered at once, on the channel: the count reaches the observer whenever it flushes, even
  // after the last report (a page cannot cancel a timer of ours to keep it back).
  apply(addEventListener, channel, [ASK, () => {
    const count = earlyLeftOut + leftOut();
    earlyLeftOut = 0;
    if (count > 0) apply(dispatchEvent, channel, [new CustomEventCtor(LEFT_OUT, { __proto__: null, detail: count } as CustomEventInit)]);
  }]);
  // The observer may not be there yet: it says READY when it comes, and gets the offer again.
  apply(addEventListener, doc, [READY, offer]);
  offer();
  return (detail) => {
    if (!early) post(detail);
    else if (early.length < MAX_EARLY_REPORTS) early[early.length] = detail;
    else earlyLeftOut += 1;
  };
}

/**
 * Isolated world, at document_start: `receive` gets each report the hooks post, `leftOut` how many
 * they did not make or keep, each time the observer calls `collectLeftOut`.
 */
export function acceptChannel(doc: Document, receive: (detail: string) => void, leftOut: (count: number) => void = () => {}): { collectLeftOut(): void } {
  let taken: EventTarget | undefined;
  const take = (event: Event) => {
    const channel = (event as MouseEvent).relatedTarget;
    if (!channel || typeof channel.addEventListener !== 'function') return;
    doc.removeEventListener(OFFER, take);
    taken = channel;
    channel.addEventListener(REPORT, (report) => {
      const detail = (report as CustomEvent).detail;
      if (typeof detail === 'string') receive(detail);
    });
    channel.addEventListener(LEFT_OUT, (report) => {
      const count = (report as CustomEvent).detail;
      if (typeof count === 'number') leftOut(count);
    });
    channel.dispatchEvent(new Event(ACCEPTED));
  };
  doc.addEventListener(OFFER, take);
  // The hooks may have run first: their offer is gone, so ask for it again.
  doc.dispatchEvent(new Event(READY));
  return { collectLeftOut: () => void taken?.dispatchEvent(new Event(ASK)) };
}
