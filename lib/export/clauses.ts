import type { Report } from './report';

/**
 * Clause id → quoted text, from every place a report may quote its policy. Empty when the report
 * carries no declarations (older reports, or runs without a policy): callers then show ids only.
 */
export function clauseQuotes(report: Report): Map<string, string> {
  const quotes = new Map<string, string>();
  for (const clause of [...(report.declarations ?? []), ...(report.unmatchedDeclarations ?? [])]) {
    if (clause.quote && !quotes.has(clause.id)) quotes.set(clause.id, clause.quote);
  }
  return quotes;
}
