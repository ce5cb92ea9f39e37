import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { draftPolicy, DraftError, DRAFT_NOTE } from './draft';
import { parsePolicy, PolicyError } from './parse';
import { quoteAppearsIn } from './quote';
import type { PolicyInput } from './schema';
import { policyTextFormatOf, SUPPORTED_EXTENSIONS } from './text-input';

/**
 * `npm run policy:draft -- <file.md|.html|.txt> --site <domain> [--out <file>]`: drafts a policy
 * file from a policy text for a reviewer to finish. Exit codes: 0 written, 1 nothing to draft,
 * 2 a mistake in the command or the input file. Every error is one line naming the file or option.
 */

const USAGE = 'usage: npm run policy:draft -- <file.md|.html|.txt> --site <domain> [--out <file>]';

export interface DraftCliIo {
  /** Standard output: the draft when no --out is given. */
  out(text: string): void;
  /** Messages for the person running the command, one line each. */
  log(line: string): void;
}

class UsageError extends Error {}

export async function runPolicyDraft(argv: string[], io: DraftCliIo, cwd = process.cwd()): Promise<number> {
  try {
    return await draftCommand(argv, io, cwd);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DraftError) {
      io.log(error.message);
      return 2;
    }
    // A draft that does not validate is our bug, not the user's: still one line, no stack.
    io.log(error instanceof PolicyError ? `draft failed validation: ${error.message}` : `policy:draft: ${String(error)}`);
    return 1;
  }
}

async function draftCommand(argv: string[], io: DraftCliIo, cwd: string): Promise<number> {
  const { file, site, out } = parseCommandLine(argv);
  const format = policyTextFormatOf(file);
  if (!format) {
    throw new UsageError(`${file}: unsupported file type (use ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  const inputPath = resolve(cwd, file);
  const raw = await readFile(inputPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${file}: cannot read the policy text (${error.code ?? error.message})`);
  });
  if (raw.trim() === '') throw new UsageError(`${file}: the policy text is empty`);

  const { policy, plainText } = draftPolicy(raw, format, { site });
  if (plainText.trim() === '') throw new UsageError(`${file}: no text left once markup is removed`);
  if (policy.declarations.length === 0) {
    io.log(`${file}: no sentence names a tracking technology or a third party; nothing to draft`);
    return 1;
  }
  const outPath = out === undefined ? undefined : resolve(cwd, out);
  const finished = withFileReferences(policy, { raw, inputPath, outPath, cwd });
  const outName = out ?? 'draft.policy.json';
  parsePolicy(finished, outName, plainText);
  if (finished.source.textFile) parsePolicy(finished, outName, raw);

  const json = `${JSON.stringify(finished, null, 2)}\n`;
  if (outPath === undefined) io.out(json);
  else {
    await writeFile(outPath, json).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${out}: cannot write the draft (${error.code ?? error.message})`);
    });
  }
  io.log(summary(finished, out));
  return 0;
}

function parseCommandLine(argv: string[]): { file: string; site: string; out?: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { site: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    // Node's message continues with advice about `--`; its first sentence names the option.
    throw new UsageError(`${(error as Error).message.split(/(?<=\.)\s/)[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new UsageError(USAGE);
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? `missing the policy text file (${USAGE})` : `expected one policy text file, got ${positionals.length} (${USAGE})`,
    );
  }
  const file = positionals[0]!;
  if (!values.site?.trim()) throw new UsageError(`--site: missing; which site is ${file} the policy of? (${USAGE})`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError(`--out: missing the file name (${USAGE})`);
  return { file, site: values.site, ...(values.out !== undefined && { out: values.out }) };
}

/**
 * `$schema` so editors check the draft, and `source.textFile` so the loader checks its quotes, but
 * only when the file's own bytes contain every quote: an HTML text keeps tags and entities inside
 * sentences, and a textFile whose quotes the loader cannot find would make the policy unloadable.
 */
function withFileReferences(
  policy: PolicyInput,
  { raw, inputPath, outPath, cwd }: { raw: string; inputPath: string; outPath: string | undefined; cwd: string },
): PolicyInput {
  const base = outPath ? dirname(outPath) : cwd;
  const schemaPath = resolve(cwd, 'policy/policy.schema.json');
  const quotesInFile = policy.declarations.every((d) => quoteAppearsIn(d.clause.quote, raw));
  return {
    ...(outPath && insideOf(cwd, outPath) && existsSync(schemaPath) && { $schema: portable(relative(base, schemaPath), true) }),
    ...policy,
    source: { ...policy.source, ...(quotesInFile && { textFile: portable(relative(base, inputPath)) }) },
  };
}

/** A draft written outside the project (a temporary file) gets no `$schema` pointing back into it. */
function insideOf(directory: string, path: string): boolean {
  const rel = relative(directory, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function portable(path: string, explicitlyRelative = false): string {
  const posix = path.split(sep).join('/');
  return explicitlyRelative && !posix.startsWith('.') ? `./${posix}` : posix;
}

function summary(policy: PolicyInput, out: string | undefined): string {
  const parties = new Set(policy.declarations.flatMap((d) => (d.parties ?? []).map((p) => p.name)));
  const where = out ? `wrote ${out}` : 'drafted';
  const textFile = policy.source.textFile ? '' : '; no source.textFile: the file\'s markup hides some quotes from the loader';
  return (
    `${where}: ${policy.declarations.length} declarations naming ${parties.size} parties` +
    `${parties.size ? ` (${[...parties].join(', ')})` : ''}; each note starts "${DRAFT_NOTE}"${textFile}`
  );
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  // exitCode rather than exit(): a large draft piped to another program is flushed first.
  process.exitCode = await runPolicyDraft(argv, {
    out: (text) => process.stdout.write(text),
    log: (line) => console.error(line),
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
