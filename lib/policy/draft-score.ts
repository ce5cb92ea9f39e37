import { sameOrganization } from '../classify/organization-name';
import type { DraftDeclaration } from './draft';
import type { PolicyCategory, Technology } from './schema';

/**
 * How close a draft comes to a reviewer's reading of the same policy text: recall and precision of
 * the named parties, the generic categories and the technologies. Pure, so the corpus test and any
 * future report on real policies measure drafts by one rule.
 */

/** A reviewer's reading: each party as one name or as the names that all stand for one organization. */
export interface ReviewerReading {
  parties: readonly (string | readonly string[])[];
  categories: readonly (PolicyCategory | string)[];
  technologies: readonly (Technology | string)[];
}

export interface MeasureScore {
  /** Items the reviewer listed. */
  expected: number;
  /** Of those, how many the draft found. */
  found: number;
  /** Items the draft produced (parties counted once per organization). */
  drafted: number;
  /** Of those, how many the reviewer listed. */
  correct: number;
  missed: string[];
  extra: string[];
}

export interface DraftScore {
  parties: MeasureScore;
  categories: MeasureScore;
  technologies: MeasureScore;
}

export function scoreDraft(declarations: readonly DraftDeclaration[], reading: ReviewerReading): DraftScore {
  return {
    parties: scoreParties(declarations, reading.parties),
    categories: scoreSet(declarations.flatMap((d) => d.categories ?? []), reading.categories),
    technologies: scoreSet(declarations.flatMap((d) => d.technologies), reading.technologies),
  };
}

/**
 * A drafted party counts once per organization (Google Analytics and DoubleClick are both Google) and
 * is correct when its name or its organization is one of the names the reviewer gave for a party.
 */
function scoreParties(declarations: readonly DraftDeclaration[], expected: ReviewerReading['parties']): MeasureScore {
  const aliases = expected.map((entry) => (typeof entry === 'string' ? [entry] : [...entry]));
  const groups = new Map<string, string[]>();
  for (const party of declarations.flatMap((d) => d.parties ?? [])) {
    const key = (party.organization ?? party.name).toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), party.name, ...(party.organization ? [party.organization] : [])]);
  }
  const matches = (names: readonly string[], entry: readonly string[]) =>
    names.some((name) => entry.some((alias) => sameOrganization(name, alias)));
  const drafted = [...groups.values()];
  const extra = drafted.filter((names) => !aliases.some((entry) => matches(names, entry)));
  const missed = aliases.filter((entry) => !drafted.some((names) => matches(names, entry)));
  return {
    expected: aliases.length,
    found: aliases.length - missed.length,
    drafted: drafted.length,
    correct: drafted.length - extra.length,
    missed: missed.map((entry) => entry[0]!),
    extra: extra.map((names) => [...new Set(names)].join(' / ')),
  };
}

function scoreSet(drafted: readonly string[], expected: readonly string[]): MeasureScore {
  const draftedSet = new Set(drafted);
  const expectedSet = new Set(expected);
  const missed = [...expectedSet].filter((item) => !draftedSet.has(item));
  const extra = [...draftedSet].filter((item) => !expectedSet.has(item));
  return {
    expected: expectedSet.size,
    found: expectedSet.size - missed.length,
    drafted: draftedSet.size,
    correct: draftedSet.size - extra.length,
    missed,
    extra,
  };
}

/** Scores summed over texts: the totals weigh every item alike, however the items fall across texts. */
export function sumScores(scores: readonly MeasureScore[]): MeasureScore {
  const sum = (pick: (s: MeasureScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  return {
    expected: sum((s) => s.expected),
    found: sum((s) => s.found),
    drafted: sum((s) => s.drafted),
    correct: sum((s) => s.correct),
    missed: scores.flatMap((s) => s.missed),
    extra: scores.flatMap((s) => s.extra),
  };
}

/** Found / expected; 1 when nothing was expected. */
export function recallOf(score: MeasureScore): number {
  return score.expected === 0 ? 1 : score.found / score.expected;
}

/** Correct / drafted; 1 when nothing was drafted. */
export function precisionOf(score: MeasureScore): number {
  return score.drafted === 0 ? 1 : score.correct / score.drafted;
}
