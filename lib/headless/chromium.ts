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

export interface LaunchFlags {
  extensionDir: string;
  hostRules?: string;
  insecure: boolean;
  extra: string[];
}

/**
 * Flags for an audit browser. The network-quiet flags keep Chromium from talking to anyone on its
 * own (it must only load what the audited page asks for); --disable-extensions-except is needed
 * besides --load-extension, or Playwright's --disable-extensions wins and no worker ever starts.
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
