import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DevToolsPipe } from '../../lib/headless/chromium-process';

function pipe() {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  const devtools = new DevToolsPipe(toBrowser, fromBrowser);
  const received: object[] = [];
  devtools.onmessage = (message) => received.push(message);
  return { devtools, toBrowser, fromBrowser, received };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("Chromium's DevTools pipe", () => {
  it('writes each message as JSON ended by a NUL byte', () => {
    const { devtools, toBrowser } = pipe();
    devtools.send({ id: 1, method: 'Browser.getVersion' });
    devtools.send({ id: 2, method: 'Target.getTargets' });
    expect(toBrowser.read().toString()).toBe('{"id":1,"method":"Browser.getVersion"}\0{"id":2,"method":"Target.getTargets"}\0');
  });

  it('reads messages split across chunks, several in one chunk, and multi-byte text cut in two', async () => {
    const { fromBrowser, received } = pipe();
    const text = Buffer.from('{"id":1,"result":{"product":"Chromium/156 — é"}}\0{"id":2}\0{"method":"Target.attachedToTarget"}\0');
    const cut = text.indexOf(0xa9); // inside the two bytes of "é"
    fromBrowser.write(text.subarray(0, 10));
    fromBrowser.write(text.subarray(10, cut));
    fromBrowser.write(text.subarray(cut));
    await settle();
    expect(received).toEqual([{ id: 1, result: { product: 'Chromium/156 — é' } }, { id: 2 }, { method: 'Target.attachedToTarget' }]);
  });

  it('says once that it closed, when the browser ends it or we do, and sends nothing after', async () => {
    const { devtools, fromBrowser, toBrowser } = pipe();
    const reasons: (string | undefined)[] = [];
    devtools.onclose = (reason) => reasons.push(reason);
    fromBrowser.destroy();
    await settle();
    devtools.close();
    devtools.send({ id: 3, method: 'Browser.close' });
    expect(reasons).toEqual(['Chromium closed its DevTools pipe']);
    expect(toBrowser.read()).toBeNull();
  });
});
