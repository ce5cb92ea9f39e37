import type { PolicyPageAttempt } from '../model/report';

/**
 * "https://shop.test/privacy: not found (HTTP 404)": one page tried as the site's policy, worded
 * the same in the terminal, report.md and the popup. `text` makes page-controlled parts safe for
 * where they are shown (the terminal's printable, markdown's escape).
 */
export function attemptText(attempt: PolicyPageAttempt, text: (s: string) => string = (s) => s): string {
  const detail = attempt.detail ? ` (${text(attempt.detail)})` : '';
  return `${text(attempt.url)}: ${attempt.outcome.replace(/-/g, ' ')}${detail}`;
}
