import { findOrganization } from '../classify/index';
import { createOrganizationFinder, partyOf, type OrganizationFinder, type OrganizationMention } from './draft-organizations';
import { isNotARecipientName, isTheSite } from './draft-name-filters';
import { nameRunsIn } from './draft-name-runs';
import { recipientNamesIn, type NameContext, type Span } from './draft-name-evidence';
import { isAboutVisitorChoice } from './draft-vocabulary';
import type { PolicyParty } from './schema';

/**
 * The parties a sentence names: organizations of our built-in map wherever the sentence names
 * them, and any other company the sentence names the way policies name recipients (see
 * draft-name-evidence.ts). A company found only in the text is recorded as written, without
 * domains: the reviewer adds them, or the audit matches hosts by name.
 */

export interface PartyHints {
  /** The provider cell of the table row this sentence is (draft-tables.ts). */
  provider?: string;
}

export type PartyFinder = (sentence: string, hints?: PartyHints) => OrganizationMention[];

/**
 * "Google Chrome", "Adobe Flash Player", "Microsoft Internet Explorer": the company is named for
 * its software, which visitors are told how to configure; it receives nothing.
 */
const SOFTWARE_AFTER =
  /^(?:['’]s)?\s+(?:Flash|Chrome|Internet\s+Explorer|Edge|Safari|Reader|Acrobat|Windows|Shockwave|Silverlight|Mac\b|Navigator)/;
/** "Adobe's website" in instructions for visitors: a place to go, not a recipient. */
const WEBSITE_AFTER = /^(?:['’]s)?\s+(?:web\s*site|site|help|support)\b/i;

/** "Our site contains links to other sites, such as Amazon and eBay": sites the visitor may go to, not recipients. */
const LINKS_TO_OTHER_SITES = /\blinks?\s+to\s+(?:other|third[\s-]party|external|outside)\s+(?:web\s*)?sites?\b/i;

let builtinFinder: OrganizationFinder | undefined;

/** The words a text writes in lower case somewhere ("advertisers", "client"). */
export function lowerCaseWordsOf(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}-]*(?![\p{L}\p{N}])/gu) ?? []);
}

export function createPartyFinder({
  siteName,
  lowerCaseWords = new Set(),
  findBuiltin = (builtinFinder ??= createOrganizationFinder()),
}: { siteName?: string; lowerCaseWords?: ReadonlySet<string>; findBuiltin?: OrganizationFinder } = {}): PartyFinder {
  const context: NameContext = { siteName, lowerCaseWords };
  return (sentence, hints = {}) => {
    if (LINKS_TO_OTHER_SITES.test(sentence)) return [];
    const choice = isAboutVisitorChoice(sentence);
    const taken: Span[] = [];
    const builtin = findBuiltin(sentence).filter((mention) => {
      const after = sentence.slice(mention.index + mention.text.length);
      const software = SOFTWARE_AFTER.test(after) || (choice && WEBSITE_AFTER.test(after));
      if (software) taken.push(spanOf(mention));
      return !software;
    });
    const known = builtin.map(spanOf);
    // The built-in finder reports each organization once; its other mentions are not new names.
    const names = recipientNamesIn(sentence, { known, taken }, context).filter((run) => findBuiltin(run.name).length === 0);
    const fromText: OrganizationMention[] = names.map((run) => ({
      party: textParty(run.name),
      text: sentence.slice(run.index, run.end),
      index: run.index,
    }));
    const fromTable = providerMention(sentence, hints.provider, [...known, ...taken, ...fromText.map(spanOf)], siteName);
    const mentions = [...builtin, ...fromText, ...(fromTable ? [fromTable] : [])].sort((a, b) => a.index - b.index);
    return mentions.filter((m, i) => mentions.findIndex((other) => other.party.name === m.party.name) === i);
  };
}

/** A name the built-in map knows under another spelling keeps the map's name and domains. */
function textParty(name: string): PolicyParty {
  const organization = findOrganization(name);
  return organization ? partyOf({ canonical: organization.name, organization }) : { name };
}

function spanOf(mention: OrganizationMention): Span {
  return { index: mention.index, end: mention.index + mention.text.length };
}

/** The provider a table row names, when the sentence holds its cell and nothing was found there. */
function providerMention(
  sentence: string,
  cell: string | undefined,
  found: readonly Span[],
  siteName: string | undefined,
): OrganizationMention | undefined {
  if (!cell) return undefined;
  const index = sentence.indexOf(cell);
  if (index === -1 || found.some((f) => f.index < index + cell.length && index < f.end)) return undefined;
  const [run] = nameRunsIn(cell);
  // The whole cell must be one name: "Google / DoubleClick" or "Various" are for the reviewer.
  if (!run || run.index !== 0 || run.end < cell.replace(/[.\s]+$/, '').length) return undefined;
  if (isNotARecipientName(run.name) || isTheSite(run.name, siteName)) return undefined;
  return { party: textParty(run.name), text: cell, index };
}
