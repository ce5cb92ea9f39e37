import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parsePolicy, PolicyError } from './parse';
import type { Policy } from './schema';
import { policyForHost } from './site';

/** Reading policy files from disk (CLI, tests). The extension parses bundled JSON with parsePolicy. */
export { parsePolicy, PolicyError } from './parse';

export interface LoadOptions {
  /** Where `source.textFile` may also be relative to; defaults to the current directory. */
  repoRoot?: string;
}

export interface PolicyFile {
  policy: Policy;
  file: string;
}

/**
 * Reads and validates a policy file. When its `source.textFile` exists, every quote is checked
 * against it; without the text the quotes are trusted. Errors are PolicyErrors naming the file.
 */
export async function loadPolicy(file: string, options: LoadOptions = {}): Promise<Policy> {
  const json = parseJson(await readText(file), file);
  const textFile = policyTextPath(json, file, options.repoRoot);
  const text = textFile === undefined ? undefined : await readFile(textFile, 'utf8');
  return parsePolicy(json, file, text);
}

/**
 * Where the policy's text is, if it can be found: `source.textFile` relative to the policy file
 * first, then to the repository root. Undefined when the file names none or it does not exist.
 */
export function policyTextPath(json: unknown, policyFile: string, repoRoot = process.cwd()): string | undefined {
  const textFile = (json as { source?: { textFile?: unknown } } | null)?.source?.textFile;
  if (typeof textFile !== 'string' || textFile === '') return undefined;
  return [resolve(dirname(policyFile), textFile), resolve(repoRoot, textFile)].find((p) => existsSync(p));
}

/**
 * The policy in `policiesDir` (files named `*.policy.json`, in name order) whose first-party
 * domains include the registrable domain of `host`; undefined when no bundled policy is the site's.
 * A broken policy file is an error even if another file would match: it must not go unnoticed.
 */
export async function findPolicyForSite(
  host: string,
  policiesDir: string,
  options: LoadOptions = {},
): Promise<PolicyFile | undefined> {
  const names = (await readdir(policiesDir)).filter((n) => n.endsWith('.policy.json')).sort();
  const loaded: PolicyFile[] = [];
  for (const name of names) {
    const file = join(policiesDir, name);
    loaded.push({ policy: await loadPolicy(file, options), file });
  }
  return policyForHost(host, loaded);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PolicyError(`${file}: cannot read the policy file (${code ?? String(error)})`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyError(`${file}: not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
}
