import type { AuditOptions } from './args';
import { buildIsStale, extensionDir } from './build';
import { findChromium } from './chromium';
import { ChromiumProcess } from './chromium-process';
import { trace } from './trace';

/**
 * The first session's Chromium, started as soon as the arguments are read: Chromium and the
 * extension's worker take about a second to come up, time the CLI spends loading Playwright,
 * choosing the policy and loading the tracker database. When it cannot start early (no Chromium,
 * a build to redo first), the session starts its own and reports why not in the usual way.
 */
export class FirstBrowser {
  private taken = false;

  private constructor(private readonly starting: Promise<ChromiumProcess | undefined>) {}

  static start(options: AuditOptions, root: string): FirstBrowser {
    const start = async () => {
      if (options.build && buildIsStale(root)) return undefined;
      trace('starting Chromium');
      return ChromiumProcess.start({ ...options, executablePath: findChromium(options.chromium), extensionDir: extensionDir(root), extra: options.chromiumArgs });
    };
    return new FirstBrowser(start().catch(() => undefined));
  }

  /** The browser started early, to the first session that asks; later ones start their own. */
  take(): Promise<ChromiumProcess | undefined> {
    if (this.taken) return Promise.resolve(undefined);
    this.taken = true;
    return this.starting;
  }

  /** Ends it when no session took it (the run failed before its first page). */
  async discard(): Promise<void> {
    await (await this.take())?.stop(0);
  }
}
