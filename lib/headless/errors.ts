/**
 * A problem the user can fix (bad argument, missing browser, unreachable URL). The CLI prints its
 * message as one line and exits 2, never with a stack trace.
 */
export class UserError extends Error {
  override name = 'UserError';
}
