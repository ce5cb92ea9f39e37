import { parseArgs } from 'node:util';
import { UserError } from './errors';

export interface AuditOptions {
  urls: string[];
  outDir: string;
  chromium?: string;
  hostRules?: string;
  insecure: boolean;
  chromiumArgs: string[];
  blockThirdPartyCookies: boolean;
  /** Longest wait for the network to go quiet after the load event. */
  waitMs: number;
  /** Longest wait for navigation itself. */
  pageTimeoutMs: number;
  policy?: string;
  build: boolean;
  headed: boolean;
}

export const USAGE = `Usage: npm run audit -- <url...> [options]

Visits each URL in headless Chromium with the auditor extension loaded and writes a report.

Options:
  --out <dir>               where to write report.json (default: ./audit-report)
  --policy <file>           policy file to judge against (default: the one in policy/ for the site)
  --chromium <path>         Chromium binary (default: $CHROMIUM_PATH, else /usr/bin/chromium)
  --host-rules <rules>      Chromium --host-resolver-rules, e.g. "MAP * 127.0.0.1:8443"
  --insecure                ignore TLS certificate errors (self-signed fixtures)
  --chromium-arg=<flag>     extra Chromium flag, e.g. --chromium-arg=--lang=de; repeatable
  --block-third-party-cookies
                            browse as a profile that blocks them (default: allowed, as in Chrome)
  --wait-ms <ms>            longest wait for the network to go quiet after load (default: 5000)
  --page-timeout <ms>       longest wait for a page to load (default: 30000)
  --no-build                use the existing build in .output/ even if sources are newer
  --headed                  show the browser window
  -h, --help                show this help`;

export function parseAuditArgs(argv: string[]): AuditOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'audit-report' },
        policy: { type: 'string' },
        chromium: { type: 'string' },
        'host-rules': { type: 'string' },
        insecure: { type: 'boolean', default: false },
        'chromium-arg': { type: 'string', multiple: true, default: [] },
        'block-third-party-cookies': { type: 'boolean', default: false },
        'wait-ms': { type: 'string', default: '5000' },
        'page-timeout': { type: 'string', default: '30000' },
        'no-build': { type: 'boolean', default: false },
        headed: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UserError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UserError(`no URL given\n\n${USAGE}`);
  for (const url of positionals) checkUrl(url);
  return {
    urls: positionals,
    outDir: values.out,
    chromium: values.chromium,
    hostRules: values['host-rules'],
    insecure: values.insecure,
    chromiumArgs: values['chromium-arg'],
    blockThirdPartyCookies: values['block-third-party-cookies'],
    waitMs: nonNegativeInt('--wait-ms', values['wait-ms']),
    pageTimeoutMs: nonNegativeInt('--page-timeout', values['page-timeout']),
    policy: values.policy,
    build: !values['no-build'],
    headed: values.headed,
  };
}

function checkUrl(text: string): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`not a URL: ${JSON.stringify(text)} (give a full http:// or https:// address)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`only http and https pages can be audited, not ${url.protocol} (${text})`);
  }
}

function nonNegativeInt(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UserError(`${flag} takes a whole number of milliseconds, not ${JSON.stringify(text)}`);
  return Number(text);
}
