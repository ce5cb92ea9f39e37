import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { AutoConsentCMPRule, Config, ContentScriptMessage } from '@duckduckgo/autoconsent';
import type { RunSettings } from '../model/report';

/**
 * Answers a site's consent banner the way a visitor would, with DuckDuckGo's autoconsent (MPL-2.0):
 * its content script is injected into every frame, asks us for rules over a binding, and asks us
 * to run its snippets in the page. This follows the package's own Playwright runner
 * (node_modules/@duckduckgo/autoconsent/playwright/runner.ts).
 */
export type ConsentAnswer = 'accept' | 'reject';
export type ConsentOutcome = NonNullable<RunSettings['consent']>[number];

interface Tally {
  cmp?: string;
  popupFound: boolean;
  result?: 'handled' | 'failed';
  nothingDetected: boolean;
  settled: () => void;
}

export class ConsentDriver {
  private readonly tallies = new Map<Page, Tally>();

  private constructor(private readonly answer: ConsentAnswer) {}

  /** Must run before the context opens its first page: init scripts only reach new documents. */
  static async attach(context: BrowserContext, answer: ConsentAnswer): Promise<ConsentDriver> {
    const driver = new ConsentDriver(answer);
    const [script, rules] = await Promise.all([autoconsentScript(), autoconsentRules()]);
    await context.exposeBinding('autoconsentSendMessage', ({ page, frame }, message: ContentScriptMessage) =>
      driver.receive(page, frame, message, rules),
    );
    await context.addInitScript({ content: script });
    return driver;
  }

  /**
   * Waits until autoconsent answered the banner on `page`, found none, or `timeoutMs` ran out.
   * Call before navigating the page, so no message is missed.
   */
  watch(page: Page, timeoutMs: number): Promise<Omit<ConsentOutcome, 'state'>> {
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.tallies.delete(page);
        resolve(outcomeOf(tally));
      };
      const tally: Tally = { popupFound: false, nothingDetected: false, settled: finish };
      const timer = setTimeout(finish, timeoutMs);
      this.tallies.set(page, tally);
    });
  }

  private async receive(page: Page, frame: Frame, message: ContentScriptMessage, rules: AutoConsentCMPRule[]) {
    if (!message || typeof message !== 'object') return;
    const tally = this.tallies.get(page);
    switch (message.type) {
      case 'init':
        return reply(frame, { type: 'initResp', config: configFor(this.answer), rules: { autoconsent: rulesFor(rules, frame) } });
      case 'eval': {
        const result = await frame.evaluate(message.code).catch(() => false);
        return reply(frame, { type: 'evalResp', id: message.id, result });
      }
      case 'popupFound':
        if (tally) Object.assign(tally, { popupFound: true, cmp: message.cmp });
        return;
      case 'optInResult':
      case 'optOutResult':
        if (tally) {
          Object.assign(tally, { cmp: message.cmp, result: message.result ? 'handled' : 'failed' });
          tally.settled();
        }
        return;
      case 'report':
        // Only the top frame's "nothing here" ends the wait: a frame may still be showing a banner.
        if (tally && message.mainFrame && message.state.lifecycle === 'nothingDetected') {
          tally.nothingDetected = true;
          if (!tally.popupFound) tally.settled();
        }
        return;
      default:
        return;
    }
  }
}

function outcomeOf(tally: Tally): Omit<ConsentOutcome, 'state'> {
  const cmp = tally.cmp === undefined ? {} : { cmp: tally.cmp };
  if (tally.result) return { outcome: tally.result, ...cmp };
  // A banner was seen but never answered before the time ran out.
  if (tally.popupFound) return { outcome: 'failed', ...cmp };
  return { outcome: 'no-banner', ...cmp };
}

function reply(frame: Frame, message: unknown): Promise<void> {
  return frame
    .evaluate((m) => (window as unknown as { autoconsentReceiveMessage?: (m: unknown) => unknown }).autoconsentReceiveMessage?.(m), message)
    .then(() => undefined)
    .catch(() => undefined); // the frame navigated or was detached meanwhile
}

/**
 * Accepting needs a real click on "accept": hiding the banner with a cosmetic rule would leave
 * consent unanswered. Rejecting may hide it: an unanswered banner gives no consent either.
 */
function configFor(answer: ConsentAnswer): Partial<Config> {
  return {
    enabled: true,
    autoAction: answer === 'accept' ? 'optIn' : 'optOut',
    disabledCmps: [],
    enablePrehide: true,
    enableCosmeticRules: answer === 'reject',
    enableGeneratedRules: true,
    enableHeuristicDetection: true,
    heuristicMode: 'tier2',
    detectRetries: 20,
    isMainWorld: false,
    prehideTimeout: 2000,
    visualTest: false,
    logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
  };
}

/** The rules that can apply in this frame, as autoconsent itself would filter them, to keep messages small. */
function rulesFor(rules: AutoConsentCMPRule[], frame: Frame): AutoConsentCMPRule[] {
  const top = frame.parentFrame() === null;
  const url = frame.url();
  return rules.filter((rule) => {
    const context = rule.runContext ?? {};
    if (top ? context.main === false : context.frame !== true) return false;
    return !context.urlPattern || safeMatch(context.urlPattern, url);
  });
}

function safeMatch(pattern: string, url: string): boolean {
  try {
    return new RegExp(pattern).test(url);
  } catch {
    return false;
  }
}

const packageDir = () => dirname(createRequire(import.meta.url).resolve('@duckduckgo/autoconsent/rules/rules.json'));
let cached: Promise<[string, AutoConsentCMPRule[]]> | undefined;

function loadPackageFiles(): Promise<[string, AutoConsentCMPRule[]]> {
  cached ??= (async () => {
    const rulesDir = packageDir();
    const script = await readFile(join(rulesDir, '..', 'dist', 'autoconsent.playwright.js'), 'utf8');
    const rules = JSON.parse(await readFile(join(rulesDir, 'rules.json'), 'utf8')) as { autoconsent: AutoConsentCMPRule[] };
    return [script, rules.autoconsent];
  })();
  return cached;
}

async function autoconsentScript(): Promise<string> {
  return (await loadPackageFiles())[0];
}

async function autoconsentRules(): Promise<AutoConsentCMPRule[]> {
  return (await loadPackageFiles())[1];
}
