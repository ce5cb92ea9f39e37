import { oneOf, parseFormats, parseOrExplain, UsageError } from './args';
import { FAIL_ON_LEVELS, type FailOn, type OutputFormat } from './option-values';

export interface MergeOptions {
  /** The shards' report.json files, in the order given. */
  reports: string[];
  outDir: string;
  formats: OutputFormat[];
  failOn: FailOn;
  /** Judge against this policy file instead of the one the shards name. */
  policy?: string;
  trackerDb: boolean;
}

/** `merge <report.json...> --out <dir> …` (the arguments after `merge`). */
export function parseMergeArgs(argv: string[]): MergeOptions | 'help' {
  const { values, positionals } = parseOrExplain(argv, {
    out: { type: 'string' },
    format: { type: 'string', default: 'json,csv,html' },
    'fail-on': { type: 'string', default: 'none' },
    policy: { type: 'string' },
    'no-trackerdb': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  } as const);
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('merge needs the report.json files of the shards');
  if (values.out === undefined) throw new UsageError('merge needs --out <dir> for the merged report');
  return {
    reports: positionals,
    outDir: values.out,
    formats: parseFormats(values.format),
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS),
    ...(values.policy !== undefined ? { policy: values.policy } : {}),
    trackerDb: !values['no-trackerdb'],
  };
}
