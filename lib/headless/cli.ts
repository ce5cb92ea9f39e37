import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAuditArgs, UsageError } from './args';
import { UserError } from './errors';
import { EXIT_CODES } from './gate';
import { parseMergeArgs } from './merge-args';
import { toolInfo } from './project';
import type { CliIo } from './run-audit';
import { auditUsage, commandName, HELP_HINT, MERGE_HELP_HINT, mergeUsage } from './usage';

export type { CliIo };

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The command line: `npm run audit -- <url...>` audits, `npm run audit -- merge …` merges shard
 * reports. Returns the process exit code (0 clean, 1 findings at the --fail-on level, 2 usage or
 * runtime error, 130 interrupted).
 *
 * `io` may be a single function (tests): it then receives every line, the summary included.
 * `env` tells how the tool was started, so the help names the command the user typed.
 */
export async function runAudit(
  argv: string[],
  io: Partial<CliIo> | ((line: string) => void) = {},
  env: Env = process.env,
): Promise<number> {
  const resolved = resolveIo(io);
  const command = commandName(env);
  const merging = argv[0] === 'merge';
  try {
    if (merging) {
      const options = parseMergeArgs(argv.slice(1));
      if (options === 'help') return printed(resolved, mergeUsage(command));
      const { runMergeCommand } = await import('./merge');
      return await runMergeCommand(options, resolved);
    }
    const options = parseAuditArgs(argv);
    if (options === 'help') return printed(resolved, auditUsage(command));
    if (options === 'version') {
      const tool = await toolInfo();
      return printed(resolved, `${tool.name} ${tool.version}`);
    }
    // Loaded here: the browser driver (Playwright) is most of the CLI's load time, and merge and help need none.
    const { runAuditCommand } = await import('./run-audit');
    return await runAuditCommand(options, resolved);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    resolved.log(`error: ${error.message}`);
    if (error instanceof UsageError) resolved.log(merging ? MERGE_HELP_HINT : HELP_HINT);
    return EXIT_CODES.error;
  }
}

function printed(io: CliIo, text: string): number {
  io.out(`${text}\n`);
  return EXIT_CODES.clean;
}

function resolveIo(io: Partial<CliIo> | ((line: string) => void)): CliIo {
  if (typeof io === 'function') {
    return { log: io, out: (text) => text.replace(/\n$/, '').split('\n').forEach((line) => io(line)) };
  }
  return {
    log: io.log ?? ((line) => console.error(line)),
    out: io.out ?? ((text) => process.stdout.write(text)),
    terminal: io.terminal ?? (io.log ? undefined : process.stderr),
  };
}

/** Runs the CLI in this process and exits with its code; used by `npm run audit` and bin/policy-audit.mjs. */
export async function main(argv = process.argv.slice(2)): Promise<never> {
  const code = await runAudit(argv);
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
