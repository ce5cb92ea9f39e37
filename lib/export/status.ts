import type { Finding } from '../model/finding';
import { STATUS_ORDER, type FindingStatus } from '../model/vocabulary';
export { statusRank } from '../model/order';

/** The order reviewers read findings in (defined with the Finding schema). */
export { STATUS_ORDER };

export interface StatusLabel {
  /** Short label for chips and table cells. */
  label: string;
  /** A symbol shown with the colour, so the status never depends on colour alone. */
  symbol: string;
  /** One sentence for the legend, in the words a legal reviewer would use. */
  meaning: string;
}

// A Record over the enum: adding a status to the schema fails type-checking until it has a label here.
export const STATUS_LABELS: Record<FindingStatus, StatusLabel> = {
  undisclosed: {
    label: 'Undisclosed',
    symbol: '✕',
    meaning: 'No clause of the policy covers this third party.',
  },
  'technology-not-disclosed': {
    label: 'Technology not disclosed',
    symbol: '!',
    meaning: 'The policy names this party, but not for the technology it was seen using.',
  },
  'disclosed-by-category': {
    label: 'Disclosed by category',
    symbol: '≈',
    meaning: 'Covered only by a general category (such as "advertising partners"), not by name.',
  },
  disclosed: {
    label: 'Disclosed',
    symbol: '✓',
    meaning: 'The policy names this party for what it was seen doing.',
  },
  'first-party': {
    label: 'First party',
    symbol: '●',
    meaning: 'The site itself; no third-party disclosure is needed.',
  },
  unreviewed: {
    label: 'Unreviewed',
    symbol: '?',
    meaning: 'No policy was applied to this run, so nothing was compared.',
  },
};

/**
 * The technologies of a finding that its policy does not cover, in words: "local-storage" for an
 * undisclosed part, so a row judged as a whole still says which part needs a clause.
 */
export function uncoveredTechnologies(finding: Pick<Finding, 'coverage'>): string[] {
  return (finding.coverage ?? []).filter((c) => c.status === 'undisclosed' || c.status === 'technology-not-disclosed').map((c) => c.technology);
}
