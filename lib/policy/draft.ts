import { createPartyFinder, lowerCaseWordsOf, type PartyFinder } from './draft-parties';
import { effectiveDateOf, policyIdOf, siteDomainOf, siteLabelOf } from './draft-source';
import { categoriesIn, purposeCategoryOf } from './draft-categories';
import { isAboutVisitorChoice, isDenial, mentionsUnnamedThirdParty, namesFirstPartyActor, technologiesIn } from './draft-vocabulary';
import type { PolicyCategory, PolicyInput, PolicyParty, Technology } from './schema';
import { policyPlainText, readPolicyText, type PolicyText, type PolicyTextFormat } from './text-input';
import { tableRowsOf, type TableRow } from './draft-tables';
import { cookiesOfRow, readCookieRow } from './draft-cookies';
import { splitSentences } from './text-sentences';
import { MAX_POLICY_CHARS } from './page-text';

/**
 * Policy text → draft policy file. Pure (no I/O, no DOM) so the CLI (draft-cli.ts) and the options
 * page draft the same declarations from the same text. A draft is a reviewer's starting point:
 * every declaration carries the exact sentence it comes from and a note that starts "draft: review",
 * and where the extractor filled something in from context, the note says from where.
 */

export type DraftDeclaration = PolicyInput['declarations'][number];

export interface DraftOptions {
  /** The site's domain (or URL); its registrable domain becomes the first-party domain. */
  site: string;
  title?: string;
  url?: string;
  /** Where the text lives, relative to the policy file or repository root (source.textFile). */
  textFile?: string;
}

export interface PolicyDraft {
  policy: PolicyInput;
  /** The text as read: the quotes are words of this plain text. */
  plainText: string;
}

export class DraftError extends Error {
  override name = 'DraftError';
}

export const DRAFT_NOTE = 'draft: review';

/** Drafts a policy from a policy text. Throws a DraftError (one line) when `site` is not a domain. */
export function draftPolicy(raw: string, format: PolicyTextFormat, options: DraftOptions): PolicyDraft {
  const domain = siteDomainOf(options.site);
  if (!domain) throw new DraftError(`--site: "${options.site}" is not a domain such as example.com`);
  if (raw.length > MAX_POLICY_CHARS) {
    throw new DraftError(
      `the policy text is ${raw.length.toLocaleString('en-US')} characters; drafts are read from texts of up to ${MAX_POLICY_CHARS.toLocaleString('en-US')}`,
    );
  }
  const text = readPolicyText(raw, format);
  const effectiveDate = effectiveDateOf(text);
  const policy: PolicyInput = {
    id: policyIdOf(domain),
    site: { name: domain, firstPartyDomains: [domain] },
    source: {
      title: options.title?.trim() || text.title || `Privacy policy of ${domain}`,
      url: options.url?.trim() || `https://${domain}/privacy`,
      ...(effectiveDate && { effectiveDate }),
      ...(options.textFile && { textFile: options.textFile }),
    },
    declarations: draftDeclarations(text, { siteName: siteLabelOf(domain) }),
  };
  return { policy, plainText: policyPlainText(text) };
}

interface SentenceReading {
  sentence: string;
  parties: PolicyParty[];
  categories: PolicyCategory[];
  technologies: Technology[];
  unnamedThirdParty: boolean;
  /** "These Features may…": its parties are the previous sentence's. */
  refersBack: boolean;
  /** "We do not use Flash". */
  denial: boolean;
  /** "You can disable cookies…". */
  choice: boolean;
  /** Set when the sentence is a row of a cookie table: the row's cells and the cookies it lists. */
  cookieRow?: { row: TableRow; cookies: NonNullable<DraftDeclaration['cookies']> };
}

/** Declarations d1, d2, … in text order: one per sentence that declares tracking. */
export function draftDeclarations(
  text: PolicyText,
  {
    siteName,
    findOrganizations = createPartyFinder({ siteName, lowerCaseWords: lowerCaseWordsOf(policyPlainText(text)) }),
  }: { siteName?: string; findOrganizations?: PartyFinder } = {},
): DraftDeclaration[] {
  const declarations: DraftDeclaration[] = [];
  for (const section of text.sections) {
    const rows = tableRowsOf(section.paragraphs);
    const readings = section.paragraphs.flatMap((paragraph, index): SentenceReading[] => {
      const row = rows[index];
      const cookies = row && cookiesOfRow(row);
      // A row of a cookie table is quoted whole: its cells are one statement, whatever punctuation they hold.
      if (row && cookies) {
        return [{ ...readSentence(paragraph, findOrganizations, row.provider), technologies: ['cookie'], cookieRow: { row, cookies } }];
      }
      return splitSentences(paragraph).map((s) => readSentence(s, findOrganizations, row?.provider));
    });
    const context: SectionContext = { heading: section.heading, readings, siteName, findOrganizations };
    const candidates = readings.flatMap((reading, index) => declare(reading, index, context) ?? []);
    for (const { declaration } of withoutRepeats(candidates)) {
      declarations.push({ id: `d${declarations.length + 1}`, ...declaration });
    }
  }
  return declarations;
}

interface SectionContext {
  heading: string;
  readings: readonly SentenceReading[];
  siteName: string | undefined;
  findOrganizations: PartyFinder;
}

interface Candidate {
  declaration: Omit<DraftDeclaration, 'id'>;
  /** Its technologies come from another sentence, which says the same by itself: the better quote. */
  inferred: boolean;
}

/** One declaration per distinct reading of a section: the first explicit one, else the first inferred one. */
function withoutRepeats(candidates: readonly Candidate[]): Candidate[] {
  const keyOf = ({ declaration: d }: Candidate) =>
    JSON.stringify([d.parties?.map((p) => p.name), d.categories, d.technologies, d.appliesTo, d.cookies?.map((c) => c.name)]);
  const explicitKeys = new Set(candidates.filter((c) => !c.inferred).map(keyOf));
  const kept = new Set<string>();
  return candidates.filter((candidate) => {
    const key = keyOf(candidate);
    if (kept.has(key) || (candidate.inferred && explicitKeys.has(key))) return false;
    kept.add(key);
    return true;
  });
}

const REFERS_BACK =
  /^(?:(?:these|those|such|both)\s+(?:[\w-]+\s+)?(?:features?|widgets?|buttons?|companies|partners|providers|services|third\sparties|tools|plug-?ins|networks|advertisers)\b|(?:both|they|each of them)\s+(?:may\s+|also\s+)?[a-z]+s?\b)/i;

function readSentence(sentence: string, findOrganizations: PartyFinder, provider: string | undefined): SentenceReading {
  const parties = findOrganizations(sentence, provider === undefined ? {} : { provider }).map((m) => m.party);
  return {
    sentence,
    parties,
    categories: categoriesIn(sentence),
    technologies: technologiesIn(sentence, { namesParties: parties.length > 0 }),
    unnamedThirdParty: mentionsUnnamedThirdParty(sentence),
    refersBack: REFERS_BACK.test(sentence),
    denial: isDenial(sentence),
    choice: isAboutVisitorChoice(sentence),
  };
}

function declare(reading: SentenceReading, index: number, context: SectionContext): Candidate | undefined {
  const { heading, readings, siteName } = context;
  if (reading.cookieRow) return declareCookieRow(reading, reading.cookieRow, context);
  if (reading.denial) return undefined;
  const notes: string[] = [];
  let { parties, categories, technologies } = reading;
  if (parties.length === 0 && categories.length === 0) {
    const previous = readings[index - 1];
    if (reading.refersBack && previous && (previous.parties.length > 0 || previous.categories.length > 0)) {
      ({ parties, categories } = previous);
      notes.push(`parties and categories of the sentence before, which "${firstWords(reading.sentence)}" refers to`);
    } else if (reading.unnamedThirdParty && technologies.length > 0) {
      const fromHeading = purposeCategoryOf(heading);
      const fromSentence = purposeCategoryOf(reading.sentence);
      categories = [fromHeading ?? fromSentence ?? 'service-providers'];
      notes.push(
        fromHeading
          ? `unnamed third parties, read as ${categories[0]} from the section heading`
          : fromSentence
            ? `unnamed third parties, read as ${categories[0]} from the sentence's purpose`
            : 'unnamed third parties of no stated kind, read as service-providers',
      );
    }
  }
  const thirdParty = parties.length > 0 || categories.length > 0;
  if (!thirdParty) {
    if (technologies.length === 0 || reading.choice || !namesFirstPartyActor(reading.sentence)) return undefined;
    return finish(reading, context, { technologies, appliesTo: 'first-party' }, notes);
  }
  // A sentence that only tells visitors how to opt out of unnamed parties declares no use.
  if (reading.choice && parties.length === 0) return undefined;
  const technologiesInferred = technologies.length === 0;
  if (technologiesInferred) {
    const nearest = nearestTrackingSentence(readings, index);
    technologies = nearest ? nearest.technologies : ['log-data'];
    notes.push(
      nearest
        ? `no technology named here: technologies of the nearest tracking sentence in this section ("${firstWords(nearest.sentence)}")`
        : 'no technology named in this section: a named party receives at least the request (log data)',
    );
  }
  const appliesTo = includesTheSite(reading.sentence, siteName) ? 'both' : 'third-party';
  return finish(reading, context, { parties, categories, technologies, appliesTo }, notes, technologiesInferred);
}

function finish(
  reading: SentenceReading,
  { heading, findOrganizations }: SectionContext,
  fields: Pick<DraftDeclaration, 'technologies' | 'appliesTo'> & Partial<Pick<DraftDeclaration, 'parties' | 'categories'>>,
  notes: string[],
  inferred = false,
): Candidate {
  const declaration = {
    clause: { section: heading, quote: tightQuote(reading.sentence, findOrganizations) },
    parties: fields.parties ?? [],
    categories: fields.categories ?? [],
    technologies: fields.technologies,
    appliesTo: fields.appliesTo,
    note: [DRAFT_NOTE, ...notes].join('; '),
  };
  return { declaration, inferred };
}

/** A row of a cookie table: the cookies it lists, for the party its provider cell names. */
function declareCookieRow(
  reading: SentenceReading,
  { row, cookies }: NonNullable<SentenceReading['cookieRow']>,
  { heading, siteName }: SectionContext,
): Candidate {
  const { parties, categories, appliesTo, notes } = readCookieRow(row, reading.parties, { heading, siteName });
  const declaration = {
    clause: { section: heading, quote: reading.sentence },
    parties,
    categories,
    technologies: ['cookie' as const],
    appliesTo,
    cookies,
    note: [DRAFT_NOTE, 'a row of a cookie table', ...notes].join('; '),
  };
  return { declaration, inferred: false };
}

/** The closest sentence of the section (earlier first on a tie) that names a technology it uses. */
function nearestTrackingSentence(readings: readonly SentenceReading[], index: number): SentenceReading | undefined {
  for (let distance = 1; distance < readings.length; distance++) {
    for (const candidate of [readings[index - distance], readings[index + distance]]) {
      if (candidate && candidate.technologies.length > 0 && !candidate.denial && !candidate.choice) return candidate;
    }
  }
  return undefined;
}

/** "We and our partners use…", "used by Inbenta Technologies Inc. and our partners": the site too. */
function includesTheSite(sentence: string, siteName: string | undefined): boolean {
  if (/\bwe\s*(?:,|and|or)\s|\b(?:us|we)\s+(?:and|or)\s+(?:our|third|selected|trusted|certain|other)\b/i.test(sentence)) return true;
  const site = siteName ? `|${siteName.replace(/[^\p{L}\p{N}-]/gu, '')}\\b[^,;]*?` : '';
  return new RegExp(`\\bby\\s+(?:us${site})\\s+(?:and|or)\\s+(?:our|its|third|other|selected)\\b`, 'i').test(sentence);
}

/** Long sentences (run-on lists of purposes) are cut to the clauses that carry the evidence. */
const LONG_SENTENCE = 240;

function tightQuote(sentence: string, findOrganizations: PartyFinder): string {
  if (sentence.length <= LONG_SENTENCE) return sentence;
  const clauses = sentence.split(/(?<=[;:])\s+|\s+(?=[—–]\s)/);
  const carries = clauses.map(
    (c) => technologiesIn(c, { namesParties: false }).length > 0 || categoriesIn(c).length > 0 || findOrganizations(c).length > 0,
  );
  const first = carries.indexOf(true);
  const last = carries.lastIndexOf(true);
  if (first === -1) return sentence;
  return clauses.slice(first, last + 1).join(' ').replace(/[;:]$/, '').trim();
}

function firstWords(sentence: string, count = 6): string {
  const words = sentence.split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(' ')} …` : sentence;
}
