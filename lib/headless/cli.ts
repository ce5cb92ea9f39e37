import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMergeCommand } from './merge';
import { runAuditCommand, type CliIo } from './run-audit';

export type { CliIo };

/**
 * The command line: `npm run audit -- <url...>` audits, `npm run audit -- merge …` merges shard
 * reports. Returns the process exit code (0 clean, 1 findings at the --fail-on level, 2 usage or
 * runtime error, 130 interrupted).
 *
 * `io` may be a single function (tests): it then receives every line, the summary included.
 */
export async function runAudit(argv: string[], io: Partial<CliIo> | ((line: string) => void) = {}): Promise<number> {
  const resolved = resolveIo(io);
  return argv[0] === 'merge' ? runMergeCommand(argv.slice(1), resolved) : runAuditCommand(argv, resolved);
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
