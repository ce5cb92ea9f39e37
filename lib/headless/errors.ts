/**
 * A problem the user can fix (bad argument, missing browser, unreachable URL). The CLI prints its
 * message as one line and exits 2, never with a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/** The first non-empty line of an error's message: what the CLI prints of an unexpected failure. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n').find((line) => line.trim()) ?? text).trim();
}
