import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { automationSwitches, chromiumFlags, prepareProfile, type LaunchFlags } from './chromium';
import { UserError } from './errors';
import { ExtensionWorker, WORKER_START_MS, type CdpMessage, type SharedPipe } from './extension-worker';

export interface ChromiumStart extends LaunchFlags {
  executablePath: string;
  headed: boolean;
  blockThirdPartyCookies: boolean;
}

/** Enough of Chromium's own output to say why it failed to start. */
const OUTPUT_KEPT = 4_000;

/** Profiles of browsers still running: removed even when the process exits abruptly (a second Ctrl-C). */
const openProfiles = new Set<string>();
process.on('exit', () => {
  for (const dir of openProfiles) rmSync(dir, { recursive: true, force: true });
});

/**
 * The audit's Chromium as a process of our own, spoken to over its DevTools pipe (file
 * descriptors 3 and 4, no network port), with Playwright attached to the pipe: the process, its
 * exit and its profile are ours to manage, and it ends the moment the audit has read everything.
 * It is started before Playwright has loaded (a third of a second of the CLI's start): the
 * extension's worker, which then runs before Playwright attaches, is spoken to by a client of our
 * own on the same pipe (extension-worker.ts).
 */
export class ChromiumProcess {
  readonly pipe: DevToolsPipe;
  /** The extension's worker, attached to as soon as it runs (while Playwright still loads). */
  readonly worker: ExtensionWorker;
  /** Resolves once the browser process has exited, whoever ended it. */
  readonly exited: Promise<void>;
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly userDataDir: string,
  ) {
    const [, , stderr, toBrowser, fromBrowser] = child.stdio;
    this.pipe = new DevToolsPipe(toBrowser as Writable, fromBrowser as Readable);
    this.worker = new ExtensionWorker(this.pipe);
    stderr?.on('data', (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
    });
    this.exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', (error) => {
        this.output += `\n${error.message}`;
        resolve();
      });
    }).then(() => {
      // Its helpers may outlive it holding the pipe open: the driver must learn now that the
      // browser is gone, or a call still waiting on it would wait forever.
      this.pipe.close('Chromium exited');
      this.worker.fail('Chromium exited');
    });
  }

  static async start(options: ChromiumStart): Promise<ChromiumProcess> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'auditor-profile-'));
    openProfiles.add(userDataDir);
    await prepareProfile(userDataDir, options.blockThirdPartyCookies);
    const args = [
      ...automationSwitches(!options.headed),
      ...chromiumFlags(options),
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-pipe',
      'about:blank',
    ];
    // Its own process group: a terminal's Ctrl-C is the CLI's to handle (it writes a partial
    // report, which needs the browser still running).
    const child = spawn(options.executablePath, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: true });
    const browser = new ChromiumProcess(child, userDataDir);
    browser.worker.attachSoon(WORKER_START_MS);
    return browser;
  }

  /** The browser process (its helpers are in its process group). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What Chromium printed last, for an error message. */
  lastOutput(): string {
    return this.output.trim().split('\n').slice(-5).join('\n');
  }

  /**
   * Kills the browser and its helpers (their process group), unless it has exited already, and
   * removes the profile. Never throws: a profile left in /tmp must not cost the report.
   */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
      await Promise.race([this.exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    }
    this.pipe.close();
    // Chromium's helpers may still be writing into the profile for a moment after it exits.
    await rm(this.userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }).catch(() => undefined);
    openProfiles.delete(this.userDataDir);
  }
}

/** Chromium's DevTools pipe: JSON messages, each ended by a NUL byte, both ways. */
export class DevToolsPipe implements SharedPipe {
  onmessage?: (message: object) => void;
  intercept?: (message: CdpMessage) => boolean;
  onclose?: (reason?: string) => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.once('close', () => this.ended('Chromium closed its DevTools pipe'));
    // A write after the browser died fails here; the close above reports it.
    toBrowser.on('error', () => undefined);
    fromBrowser.on('error', () => undefined);
  }

  send(message: object): void {
    if (this.closed) return;
    this.toBrowser.write(`${JSON.stringify(message)}\0`);
  }

  close(reason?: string): void {
    if (this.closed) return;
    this.toBrowser.end();
    this.ended(reason);
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.pending.push(chunk.subarray(start, end));
      const text = Buffer.concat(this.pending).toString('utf8');
      this.pending = [];
      start = end + 1;
      const message = JSON.parse(text) as CdpMessage;
      if (!this.intercept?.(message)) this.onmessage?.(message);
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private ended(reason?: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.(reason);
  }
}

export function chromiumDidNotStart(executablePath: string, reason: string, browser?: ChromiumProcess): UserError {
  const output = browser?.lastOutput();
  return new UserError(`Chromium did not start (${executablePath}): ${reason}${output ? `\n${output}` : ''}`);
}
