import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from './errors';

/** Where Chromium is: --chromium, then $CHROMIUM_PATH, then Debian's /usr/bin/chromium. */
export function findChromium(explicit?: string, env = process.env): string {
  const candidates = [explicit, env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const chosen = explicit ?? env.CHROMIUM_PATH;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new UserError(`Chromium not found at ${chosen}`);
  }
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  throw new UserError(
    'Chromium not found: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or pass --chromium <path>',
  );
}

/**
 * What a browser driven for automation needs beyond our own flags, as Playwright would pass them
 * when it starts Chromium itself (the CLI starts it, chromium-process.ts):
 * no throttling of timers or renderers in background tabs (several are audited at once), no
 * back/forward cache (every visit is a fresh page load), no partitioned third-party storage (it
 * changes what a cookie's owner can read), no popup blocker, no network on its own behalf.
 */
export function automationSwitches(headless: boolean): string[] {
  const disabled = [
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'ThirdPartyStoragePartitioning',
    'AvoidCorsURLLoaderRestartOnRedirect',
    'OptimizationHints',
    'NetworkTimeServiceQuerying',
    'AimEnabled',
    'PreconnectToSearch',
    // Each window otherwise loads the omnibox's web-page popup though no one will ever type into
    // it (Chromium 156: a renderer of its own, busy about half a second per window here).
    'WebUIOmniboxPopup',
    'WebUIOmniboxAimPopup',
    'WebUIOmniboxFullPopup',
  ];
  return [
    '--disable-field-trial-config',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    '--disable-back-forward-cache',
    '--disable-breakpad',
    '--disable-component-extensions-with-background-pages',
    '--no-default-browser-check',
    '--disable-dev-shm-usage',
    `--disable-features=${disabled.join(',')}`,
    '--enable-features=CDPScreenshotNewSurface',
    '--allow-pre-commit-input',
    '--disable-hang-monitor',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--force-color-profile=srgb',
    '--metrics-recording-only',
    '--password-store=basic',
    '--use-mock-keychain',
    '--no-service-autorun',
    '--disable-search-engine-choice-screen',
    '--disable-infobars',
    ...(headless ? ['--headless', '--hide-scrollbars', '--mute-audio'] : []),
  ];
}

export interface LaunchFlags {
  extensionDir: string;
  hostRules?: string;
  insecure: boolean;
  extra: string[];
}

/**
 * Flags for an audit browser. The network-quiet flags keep Chromium from talking to anyone on its
 * own (it must only load what the audited page asks for); --disable-extensions-except is needed
 * besides --load-extension when Playwright starts the browser (tests do), or its
 * --disable-extensions wins and no worker ever starts.
 */
export function chromiumFlags(flags: LaunchFlags): string[] {
  const args = [
    ...(needsNoSandbox() ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    `--disable-extensions-except=${flags.extensionDir}`,
    `--load-extension=${flags.extensionDir}`,
  ];
  if (flags.hostRules) args.push(`--host-resolver-rules=${flags.hostRules}`);
  if (flags.insecure) args.push('--ignore-certificate-errors');
  return [...args, ...flags.extra];
}

/**
 * A fresh profile blocks third-party cookies; a default Chrome user allows them, and that is what
 * an audit should see. The preference has to be in place before the browser starts.
 */
export async function prepareProfile(userDataDir: string, blockThirdPartyCookies: boolean): Promise<void> {
  await mkdir(join(userDataDir, 'Default'), { recursive: true });
  const preferences = { profile: { cookie_controls_mode: blockThirdPartyCookies ? 1 : 0 } };
  await writeFile(join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
}

/**
 * Chromium refuses to start its sandbox as root; anyone else keeps it, since audited pages are
 * full of third-party code. The report says which it was (`settings.sandbox`).
 */
export function needsNoSandbox(): boolean {
  return process.getuid?.() === 0;
}
