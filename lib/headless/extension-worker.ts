import { UserError } from './errors';

/** One DevTools Protocol message, as it travels on the pipe. */
export interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/** The DevTools pipe, seen from a client that shares it with Playwright (chromium-process.ts). */
export interface SharedPipe {
  send(message: CdpMessage): void;
  /** Messages this returns true for are ours and are not passed on to Playwright. */
  intercept?: (message: CdpMessage) => boolean;
}

/** A function (or an expression) run inside the extension's worker; no helper of the CLI is in scope there. */
export interface WorkerCalls {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: (() => R | Promise<R>) | string): Promise<R>;
}

/** The longest the extension's worker may take to run once Chromium started; a loaded machine may need seconds. */
export const WORKER_START_MS = 20_000;

/** Our message ids, far above Playwright's, which count up from 1 on the same pipe. */
const FIRST_ID = 1_000_000_000;
const POLL_MS = 20;

interface Call {
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
  sessionId?: string;
}

/**
 * The extension's service worker, spoken to over the browser's DevTools pipe beside Playwright.
 * Playwright sees a worker only when it was attached before the worker's script ran; this client
 * attaches to it whenever it runs, so Chromium can start (and the extension with it) while the
 * CLI is still loading Playwright. A worker Chromium stopped and started again is attached anew.
 */
export class ExtensionWorker implements WorkerCalls {
  private nextId = FIRST_ID;
  private readonly calls = new Map<number, Call>();
  private readonly sessions = new Set<string>();
  /** Attaching to the running worker: resolves to its session once its script has run (`globalThis.auditor` is set). */
  private attached: Promise<string> | undefined;
  private scriptUrl = '';
  private workerSession: string | undefined;
  private failure: string | undefined;
  /** A browser-level session of our own: the events our calls cause come on it, not on Playwright's. */
  private browserSession: Promise<string> | undefined;

  constructor(private readonly pipe: SharedPipe) {
    pipe.intercept = (message) => this.receive(message);
  }

  /** The worker's script (chrome-extension://<id>/background.js), once attached. */
  url(): string {
    return this.scriptUrl;
  }

  /** Attaches now, so the worker is ready by the time the CLI asks it anything. */
  attachSoon(timeoutMs: number): void {
    void this.ready(timeoutMs).catch(() => undefined);
  }

  /** Resolves once the extension's worker has run its script (its listeners are in place). */
  async ready(timeoutMs = WORKER_START_MS): Promise<void> {
    this.attached ??= this.attach(timeoutMs);
    try {
      await this.attached;
    } catch (error) {
      this.attached = undefined;
      throw error;
    }
  }

  async evaluate<R, A>(fn: ((arg: A) => R | Promise<R>) | (() => R | Promise<R>) | string, arg?: A): Promise<R> {
    await this.ready();
    const sessionId = await this.attached!;
    // tsx keeps function names with a helper the worker does not have.
    const expression = typeof fn === 'string' ? fn : `(() => { var __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg) ?? 'undefined'}); })()`;
    const answer = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    const thrown = answer.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
    if (thrown) throw new Error(thrown.exception?.description?.split('\n')[0] ?? thrown.text ?? 'the call failed in the worker');
    return (answer.result as { value?: R }).value as R;
  }

  private async attach(timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    this.browserSession ??= this.send('Target.attachToBrowserTarget').then(({ sessionId }) => {
      this.sessions.add(sessionId as string);
      return sessionId as string;
    });
    const browser = await this.browserSession;
    let targetId: string | undefined;
    while (!targetId) {
      const { targetInfos } = (await this.send('Target.getTargets', {}, browser)) as { targetInfos: { type: string; url: string; targetId: string }[] };
      const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
      if (target) {
        ({ targetId, url: this.scriptUrl } = target);
        break;
      }
      if (Date.now() > deadline) throw new UserError('the auditor extension did not start in Chromium (no service worker appeared)');
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true }, browser)) as { sessionId: string };
    this.sessions.add(sessionId);
    this.workerSession = sessionId;
    // Attached while its script still runs, the worker answers between its statements.
    for (;;) {
      const answer = await this.send('Runtime.evaluate', { expression: "typeof globalThis.auditor === 'object'", returnByValue: true }, sessionId);
      if ((answer.result as { value?: boolean }).value === true) return sessionId;
      if (Date.now() > deadline) throw new UserError(`the auditor extension did not answer within ${Math.round(timeoutMs / 1000)} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** The browser is gone: every call still waiting fails now, and every later one at once. */
  fail(reason: string): void {
    this.failure = reason;
    for (const call of this.calls.values()) call.reject(new Error(reason));
    this.calls.clear();
  }

  private send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(new Error(this.failure));
      this.calls.set(id, { resolve, reject, ...(sessionId ? { sessionId } : {}) });
      this.pipe.send({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    });
  }

  private receive(message: CdpMessage): boolean {
    if (message.id !== undefined && message.id >= FIRST_ID) {
      const call = this.calls.get(message.id);
      this.calls.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result ?? {});
      return true;
    }
    // Attaching our browser-level session announces it on the root session, which is Playwright's.
    if (message.method === 'Target.attachedToTarget' && message.sessionId === undefined) {
      return (message.params?.targetInfo as { type?: string } | undefined)?.type === 'browser';
    }
    if (message.sessionId === undefined || !this.sessions.has(message.sessionId)) return false;
    const detached = message.method === 'Target.detachedFromTarget' ? (message.params?.sessionId as string | undefined) : undefined;
    if (detached !== undefined && detached === this.workerSession) {
      // The worker stopped: what it was asked fails now, and the next call attaches to its successor.
      this.sessions.delete(detached);
      this.workerSession = undefined;
      this.attached = undefined;
      for (const [id, call] of this.calls) {
        if (call.sessionId !== detached) continue;
        this.calls.delete(id);
        call.reject(new Error('the extension’s worker stopped while it was asked'));
      }
    }
    return true;
  }
}
