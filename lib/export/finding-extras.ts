import { z } from 'zod';
import type { Finding } from '../model/finding';

/*
 * Optional finding fields that other modules are adding (reviewer verdicts, technologies).
 * They may not be in the Finding schema yet, or may arrive with an unexpected shape from an older
 * or newer tool: exports read them through these guards and show nothing rather than fail.
 */

const Review = z.object({
  verdict: z.string().optional(),
  comment: z.string().optional(),
});
export type Review = z.infer<typeof Review>;

/** The reviewer's verdict and comment on a finding (`finding.review`), when there is one. */
export function reviewOf(finding: Finding): Review | undefined {
  const parsed = Review.safeParse((finding as Record<string, unknown>).review);
  if (!parsed.success) return undefined;
  const { verdict, comment } = parsed.data;
  return verdict || comment ? parsed.data : undefined;
}

const Technologies = z.array(z.string());

/** Technologies the audit attributed to a finding (`finding.technologies`), or an empty list. */
export function technologiesOf(finding: Finding): string[] {
  const parsed = Technologies.safeParse((finding as Record<string, unknown>).technologies);
  return parsed.success ? parsed.data : [];
}
