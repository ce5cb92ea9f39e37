import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { UserError } from './errors';
import {
  CONSENT_STATES,
  FAIL_ON_LEVELS,
  OUTPUT_FORMATS,
  type ConsentState,
  type FailOn,
  type OutputFormat,
} from './option-values';

/**
 * A command line that cannot be read at all (an unknown option, a missing argument): printed with
 * a hint at --help rather than the whole usage, so the mistake stays the line a CI log shows.
 */
export class UsageError extends UserError {
  override name = 'UsageError';
}

export interface Shard {
  /** 1-based: shard 1/3 takes URLs 1, 4, 7, … */
  index: number;
  count: number;
}

export interface AuditOptions {
  /** URLs given as arguments, in order; `--urls-file` adds its own when the run starts. */
  urls: string[];
  urlsFile?: string;
  outDir: string;
  chromium?: string;
  hostRules?: string;
  insecure: boolean;
  chromiumArgs: string[];
  blockThirdPartyCookies: boolean;
  /** False with --no-values: storage values are recorded by size only, no preview. */
  valuePreviews: boolean;
  /** Longest wait for the network to go quiet after the load event. */
  waitMs: number;
  /** Longest wait for navigation itself. */
  pageTimeoutMs: number;
  /** When set, follow same-site links breadth-first until this many pages were audited. */
  maxPages?: number;
  /** Pages audited at once, each in its own tab of the one browser. */
  concurrency: number;
  scroll: boolean;
  /** One browser profile per state, in this order. */
  consent: ConsentState[];
  gpc: boolean;
  formats: OutputFormat[];
  /** `--screenshot`: a PNG per page and consent state, beside the report in pages/. */
  screenshot: boolean;
  /** `--har`: a HAR file of each page's traffic per consent state, beside the report in pages/. */
  har: boolean;
  failOn: FailOn;
  shard?: Shard;
  /** A policy file, or `discover` to read the site's own policy in the browser. */
  policy?: string;
  /** `--policies-dir`: searched for the site's policy file before ./policy/ and the tool's policy/. */
  policiesDirs: string[];
  /** `--policy-url`: the site's policy pages to read (implies discovery). */
  policyUrls: string[];
  /** False with --no-policy-discovery: no policy file for the site leaves findings unreviewed. */
  policyDiscovery: boolean;
  /** False with --no-trackerdb; AUDITOR_TRACKERDB=off is applied when the classifier is built. */
  trackerDb: boolean;
  build: boolean;
  headed: boolean;
}

/** What the command line asks for: an audit, the usage, or the tool's version. */
export function parseAuditArgs(argv: string[]): AuditOptions | 'help' | 'version' {
  const { values, positionals } = parseOrExplain(argv, {
    out: { type: 'string', default: 'audit-report' },
    'urls-file': { type: 'string' },
    policy: { type: 'string' },
    'policies-dir': { type: 'string', multiple: true, default: [] },
    'policy-url': { type: 'string', multiple: true, default: [] },
    'no-policy-discovery': { type: 'boolean', default: false },
    chromium: { type: 'string' },
    'host-rules': { type: 'string' },
    insecure: { type: 'boolean', default: false },
    'chromium-arg': { type: 'string', multiple: true, default: [] },
    'block-third-party-cookies': { type: 'boolean', default: false },
    'wait-ms': { type: 'string', default: '5000' },
    'page-timeout': { type: 'string', default: '30000' },
    'max-pages': { type: 'string' },
    concurrency: { type: 'string' },
    scroll: { type: 'boolean', default: false },
    consent: { type: 'string', default: 'none' },
    gpc: { type: 'boolean', default: false },
    'no-values': { type: 'boolean', default: false },
    format: { type: 'string', default: 'json,csv,html' },
    screenshot: { type: 'boolean', default: false },
    har: { type: 'boolean', default: false },
    'fail-on': { type: 'string', default: 'none' },
    shard: { type: 'string' },
    'no-trackerdb': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', default: false },
  } as const);
  if (values.help) return 'help';
  if (values.version) return 'version';
  if (positionals.length === 0 && values['urls-file'] === undefined) {
    throw new UsageError('no URL given (pass URLs or --urls-file <file>)');
  }
  for (const url of positionals) checkUrl(url);
  for (const url of values['policy-url']) checkUrl(url, '--policy-url: ');
  if (values['no-policy-discovery'] && (values.policy === 'discover' || values['policy-url'].length > 0)) {
    throw new UserError('--no-policy-discovery contradicts --policy discover and --policy-url');
  }
  return {
    urls: positionals,
    urlsFile: values['urls-file'],
    outDir: values.out,
    chromium: values.chromium,
    hostRules: values['host-rules'],
    insecure: values.insecure,
    chromiumArgs: values['chromium-arg'],
    blockThirdPartyCookies: values['block-third-party-cookies'],
    valuePreviews: !values['no-values'],
    waitMs: wholeNumber('--wait-ms', values['wait-ms'], 'milliseconds'),
    pageTimeoutMs: wholeNumber('--page-timeout', values['page-timeout'], 'milliseconds'),
    maxPages: values['max-pages'] === undefined ? undefined : positiveNumber('--max-pages', values['max-pages']),
    concurrency: values.concurrency === undefined ? defaultConcurrency() : positiveNumber('--concurrency', values.concurrency, 'tabs'),
    scroll: values.scroll,
    consent: listOf('--consent', values.consent, CONSENT_STATES),
    gpc: values.gpc,
    formats: parseFormats(values.format),
    screenshot: values.screenshot,
    har: values.har,
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS),
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    policy: values.policy,
    policiesDirs: values['policies-dir'],
    policyUrls: values['policy-url'],
    policyDiscovery: !values['no-policy-discovery'],
    trackerDb: !values['no-trackerdb'],
    build: !values['no-build'],
    headed: values.headed,
  };
}

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** parseArgs, with its complaint as a UsageError instead of a stack trace. */
export function parseOrExplain<T extends OptionSpec>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(firstSentence((error as Error).message));
  }
}

/** Node appends advice about `--` that does not fit our commands: keep its first sentence. */
function firstSentence(message: string): string {
  return message.split(/(?<=\.)\s/)[0]!.replace(/\.$/, '');
}

export function checkUrl(text: string, where = ''): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`${where}not a URL: ${JSON.stringify(text)} (give a full http:// or https:// address)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${where}only http and https pages can be audited, not ${url.protocol} (${text})`);
  }
}

export function parseFormats(text: string): OutputFormat[] {
  return listOf('--format', text, OUTPUT_FORMATS);
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard takes i/n with 1 ≤ i ≤ n, e.g. --shard 2/4, not ${JSON.stringify(text)}`);
  }
  return { index, count };
}

export function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  const value = text.trim() as T;
  if (!allowed.includes(value)) {
    throw new UserError(`${flag}: ${JSON.stringify(text)} is not one of ${allowed.join(', ')}`);
  }
  return value;
}

/** "a,b" → ['a', 'b'], each checked, duplicates dropped, order kept. */
function listOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new UserError(`${flag} takes a comma-separated list of ${allowed.join(', ')}, not ${JSON.stringify(text)}`);
  }
  return [...new Set(items.map((item) => oneOf(flag, item, allowed)))];
}

function wholeNumber(flag: string, text: string, unit: string): number {
  if (!/^\d+$/.test(text)) throw new UserError(`${flag} takes a whole number of ${unit}, not ${JSON.stringify(text)}`);
  return Number(text);
}

function positiveNumber(flag: string, text: string, unit = 'pages'): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UserError(`${flag} takes a whole number of ${unit}, at least 1, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/**
 * Pages audited at once unless told: one per core, at most four. Each is a tab in a window and a
 * renderer of its own; past the cores, pages would wait on each other and their timing would be
 * a loaded machine's, not a visitor's.
 */
export function defaultConcurrency(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores));
}
