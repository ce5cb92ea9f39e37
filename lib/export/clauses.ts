import type { Report } from './report';

export interface QuotedClause {
  quote: string;
  /** Heading of the policy section the quote sits under, when the report has it. */
  section?: string;
}

/**
 * Clause id → quoted text, from every place a report may quote its policy. Empty when the report
 * carries no declarations (older reports, or runs without a policy): callers then show ids only.
 */
export function clauseQuotes(report: Report): Map<string, QuotedClause> {
  const quotes = new Map<string, QuotedClause>();
  for (const declaration of [...(report.declarations ?? []), ...(report.unmatchedDeclarations ?? [])]) {
    const clause = 'clause' in declaration ? declaration.clause : undefined;
    const quote = declaration.quote ?? clause?.quote;
    if (quote && !quotes.has(declaration.id)) quotes.set(declaration.id, { quote, section: clause?.section });
  }
  return quotes;
}
