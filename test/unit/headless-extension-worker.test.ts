import { describe, expect, it } from 'vitest';
import { ExtensionWorker, type CdpMessage, type SharedPipe } from '../../lib/headless/extension-worker';

/**
 * A browser on the far end of the pipe, as far as the worker client uses it: one extension
 * worker that runs its script (`auditor` set after `scriptSteps` evaluations), can be stopped
 * and started again, and evaluates expressions with `eval` (the functions are ours).
 */
class FakeBrowser implements SharedPipe {
  intercept?: (message: CdpMessage) => boolean;
  /** What reached Playwright (the messages the client did not claim). */
  readonly forwarded: CdpMessage[] = [];
  workerRunning = true;
  scriptSteps = 0;
  private generation = 1;
  private workerSession: string | undefined;
  private browserSession: string | undefined;
  private readonly held: CdpMessage[] = [];
  holdEvaluations = false;

  send(message: CdpMessage): void {
    queueMicrotask(() => this.answer(message));
  }

  /** A message from the browser: to the client if it claims it, else to Playwright. */
  deliver(message: CdpMessage): void {
    if (!this.intercept?.(message)) this.forwarded.push(message);
  }

  stopWorker(): void {
    this.workerRunning = false;
    if (this.workerSession) this.deliver({ method: 'Target.detachedFromTarget', sessionId: this.browserSession!, params: { sessionId: this.workerSession } });
    this.workerSession = undefined;
    this.generation += 1;
  }

  private answer(message: CdpMessage): void {
    const reply = (result: Record<string, unknown>) => this.deliver({ id: message.id!, result, ...(message.sessionId ? { sessionId: message.sessionId } : {}) });
    switch (message.method) {
      case 'Target.attachToBrowserTarget':
        this.browserSession = 'browser-session';
        this.deliver({ method: 'Target.attachedToTarget', params: { sessionId: this.browserSession, targetInfo: { type: 'browser' } } });
        return reply({ sessionId: this.browserSession });
      case 'Target.getTargets':
        return reply({ targetInfos: this.workerRunning ? [{ type: 'service_worker', url: 'chrome-extension://abc/background.js', targetId: `sw${this.generation}` }] : [] });
      case 'Target.attachToTarget':
        this.workerSession = `worker-session-${this.generation}`;
        this.deliver({ method: 'Target.attachedToTarget', sessionId: message.sessionId!, params: { sessionId: this.workerSession } });
        return reply({ sessionId: this.workerSession });
      case 'Runtime.evaluate': {
        if (this.holdEvaluations) return void this.held.push(message);
        const expression = String(message.params!.expression);
        if (expression.includes("typeof globalThis.auditor === 'object'")) return reply({ result: { value: this.scriptSteps-- <= 0 } });
        try {
          return reply({ result: { value: (0, eval)(expression) } });
        } catch (error) {
          return reply({ result: {}, exceptionDetails: { text: 'Uncaught', exception: { description: `${String(error)}\n    at <anonymous>` } } });
        }
      }
    }
  }
}

/** A worker that answered once, then a call it has not answered yet. */
async function callLeftWaiting(): Promise<{ browser: FakeBrowser; worker: ExtensionWorker; asked: Promise<number> }> {
  const browser = new FakeBrowser();
  const worker = new ExtensionWorker(browser);
  await worker.evaluate(() => 1);
  browser.holdEvaluations = true;
  const asked = worker.evaluate(() => 2);
  await new Promise((resolve) => setTimeout(resolve, 5));
  return { browser, worker, asked };
}

describe('the extension’s worker, spoken to beside Playwright on the DevTools pipe', () => {
  it('waits for the worker’s script to have run, then runs functions in it with their argument', async () => {
    const browser = new FakeBrowser();
    browser.scriptSteps = 3;
    const worker = new ExtensionWorker(browser);
    expect(await worker.evaluate((n: number) => n * 2, 21)).toBe(42);
    expect(await worker.evaluate(() => undefined)).toBeUndefined();
    expect(worker.url()).toBe('chrome-extension://abc/background.js');
  });

  it('keeps its own traffic from Playwright, and passes Playwright’s on untouched', async () => {
    const browser = new FakeBrowser();
    const worker = new ExtensionWorker(browser);
    await worker.evaluate(() => 1);
    expect(browser.forwarded).toEqual([]);
    const playwrights: CdpMessage[] = [{ id: 7, result: {} }, { method: 'Target.attachedToTarget', params: { sessionId: 'pw-1', targetInfo: { type: 'page' } } }, { method: 'Page.loadEventFired', sessionId: 'pw-1', params: {} }];
    for (const message of playwrights) browser.deliver(message);
    expect(browser.forwarded).toEqual(playwrights);
  });

  it('fails a call the worker stopped under, and attaches to the worker that replaced it for the next', async () => {
    const { browser, worker, asked } = await callLeftWaiting();
    browser.stopWorker();
    await expect(asked).rejects.toThrow('stopped while it was asked');
    browser.holdEvaluations = false;
    const next = worker.evaluate(() => 3);
    setTimeout(() => (browser.workerRunning = true), 50);
    expect(await next).toBe(3);
  });

  it('says the extension did not start when no worker appears in time, and an error thrown inside names it', async () => {
    const browser = new FakeBrowser();
    browser.workerRunning = false;
    const worker = new ExtensionWorker(browser);
    await expect(worker.ready(60)).rejects.toThrow('the auditor extension did not start in Chromium (no service worker appeared)');
    browser.workerRunning = true;
    await expect(worker.evaluate(() => JSON.parse('{'))).rejects.toThrow(/SyntaxError/);
  });

  it('fails every waiting call and every later one when the browser is gone', async () => {
    const { worker, asked } = await callLeftWaiting();
    worker.fail('Chromium exited');
    await expect(asked).rejects.toThrow('Chromium exited');
    await expect(worker.evaluate(() => 3)).rejects.toThrow('Chromium exited');
  });
});
