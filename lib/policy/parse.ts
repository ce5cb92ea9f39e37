import type { z } from 'zod';
import { Policy } from './schema';
import { quoteAppearsIn } from './quote';
import { formatIssuePath } from '../model/issue-path';

/**
 * Parsing and checking a policy file, without touching the file system, so the extension can
 * check a bundled policy the same way the CLI checks one on disk (lib/policy/loader.ts).
 */

/** A mistake in a policy file. The message is one line a policy author can act on; show it as is. */
export class PolicyError extends Error {
  override name = 'PolicyError';
}

/**
 * Validates `json` (already parsed) as a policy. When `policyText` is given, every quote must
 * appear in it. Throws a PolicyError such as
 * `policy/acme.policy.json: declarations[3].technologies[1]: "cookie-ish" is not one of cookie, beacon, …`.
 */
export function parsePolicy(json: unknown, fileName: string, policyText?: string): Policy {
  const result = Policy.safeParse(json, { reportInput: true });
  if (!result.success) {
    const [first, ...rest] = result.error.issues;
    const more = rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
    throw new PolicyError(`${fileName}: ${describeIssue(first!)}${more}`);
  }
  if (policyText !== undefined) assertQuotesAppear(result.data, fileName, policyText);
  return result.data;
}

/** Throws naming the first declaration whose quote is not in the policy text. */
export function assertQuotesAppear(policy: Policy, fileName: string, policyText: string): void {
  policy.declarations.forEach((declaration, index) => {
    if (quoteAppearsIn(declaration.clause.quote, policyText)) return;
    throw new PolicyError(
      `${fileName}: declarations[${index}].clause.quote: the quote of declaration "${declaration.id}" is not in ` +
        `${policy.source.textFile ?? 'the policy text'}: "${shorten(declaration.clause.quote)}"`,
    );
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatIssuePath(issue.path);
  switch (issue.code) {
    case 'invalid_value':
      return `${path}: ${show(issue.input)} is not one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined
        ? `${path}: is required (${issue.expected})`
        : `${path}: expected ${issue.expected}, got ${typeName(issue.input)} ${show(issue.input)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${path}: unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${keys}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `${path}: needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `${path}: must not be empty`;
      if (issue.origin === 'number') return `${path}: ${show(issue.input)} is less than ${String(issue.minimum)}`;
      return `${path}: ${issue.message}`;
    case 'invalid_format':
      return `${path}: ${show(issue.input)} is not a valid ${issue.format === 'regex' ? 'value' : issue.format}` +
        (issue.message.startsWith('must') ? ` (${issue.message})` : '');
    default:
      return `${path}: ${issue.message}`;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return shorten(text);
}

function shorten(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
