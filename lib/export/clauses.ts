import type { DeclarationQuote, Report } from '../model/report';

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
  const declarations: DeclarationQuote[] = [...(report.declarations ?? []), ...(report.unmatchedDeclarations ?? [])];
  for (const { id, quote = undefined, clause } of declarations) {
    const text = quote ?? clause?.quote;
    if (text && !quotes.has(id)) quotes.set(id, { quote: text, section: clause?.section });
  }
  return quotes;
}
