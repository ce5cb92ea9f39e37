import type { Finding } from '../model/finding';
import type { QuotedClause } from '../export/clauses';

export interface CitedClause {
  id: string;
  /** Absent when the report names the clause but does not quote it (older reports). */
  quote?: string;
  section?: string;
}

/**
 * The clauses a finding cites, with their words. An empty list means no clause covers the
 * finding: the view says so in words rather than showing nothing.
 */
export function citedClauses(finding: Finding, quotes: ReadonlyMap<string, QuotedClause>): CitedClause[] {
  return finding.clauseIds.map((id) => {
    const quoted = quotes.get(id);
    return { id, ...(quoted ? { quote: quoted.quote } : {}), ...(quoted?.section ? { section: quoted.section } : {}) };
  });
}

export const NO_CLAUSE_TEXT = 'No clause covers this.';
