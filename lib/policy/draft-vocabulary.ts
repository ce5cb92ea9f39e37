import type { PolicyCategory, Technology } from './schema';

/**
 * The words a policy uses for tracking technologies and for kinds of third party, mapped onto the
 * closed enums of the policy schema. Kept apart from the extractor so that adding a phrasing is a
 * one-line change that a reviewer can check against the schema's descriptions.
 */

interface Term<T> {
  pattern: RegExp;
  values: readonly T[];
}

/**
 * Technologies by wording. The schema reads "tags and scripts" as script, "LSOs such as Flash" as
 * Flash LSOs, and the request data of "log files" (IP address, browser, pages) as log-data.
 * Fingerprinting and session recording are code running in the page, so they count as script.
 */
const TECHNOLOGY_TERMS: readonly Term<Technology>[] = [
  { pattern: /(?<!\bflash\s)\bcookies?\b/i, values: ['cookie'] },
  { pattern: /\b(?:web\s|clear\s|tracking\s)?beacons?\b|\bsendBeacon\b/i, values: ['beacon'] },
  { pattern: /\b(?:tracking\s|conversion\s|web\s|spy\s)?pixels?\b|\bclear\s(?:gifs?|images?)\b|\bweb\sbugs?\b/i, values: ['beacon'] },
  { pattern: /(?<!\bpixel[\s-])\btags?\b|\btag\smanagers?\b|\btagging\b/i, values: ['script'] },
  {
    pattern:
      /\bscripts?\b|\bjavascript\b|\bSDKs?\b|\bsoftware\sdevelopment\skits?\b|\btracking\scode\b|\b(?:code\s)?snippets?\b|\bmini-programs?\b|\bfingerprint(?:ing|s)?\b|\bsession\s(?:replays?|recordings?)\b/i,
    values: ['script'],
  },
  {
    pattern:
      /\bwidgets?\b|\bplug-?ins?\b|\biframes?\b|\binline\sframes?\b|\bembedded\s(?:content|videos?|players?|media|maps?|forms?)\b|\b(?:like|share|sharing|follow|tweet|social(?:\smedia)?)\sbuttons?\b/i,
    values: ['widget'],
  },
  {
    pattern:
      /\blocal\s?storage\b|\bsession\s?storage\b|\bweb\sstorage\b|\bHTML\s?5\s(?:local\s)?storage\b|\bbrowser\sstorage\b|\bIndexedDB\b|\bcache\sstorage\b/i,
    values: ['local-storage'],
  },
  { pattern: /\bLSOs?\b|\blocal\sshared\sobjects?\b|\bflash\scookies?\b/i, values: ['flash-lso'] },
  // Case-sensitive: "Flash" the plug-in, not "a flash sale".
  { pattern: /\bFlash\b/, values: ['flash-lso'] },
  {
    pattern:
      /\blog\s(?:files?|data|information)\b|\b(?:server|web|access)\slogs?\b|\bIP\saddress(?:es)?\b|\binternet\sprotocol\s(?:\(IP\)\s)?address(?:es)?\b|\bclickstream\b/i,
    values: ['log-data'],
  },
];

/** "buttons" alone is a widget only where the sentence names whose buttons ("the Facebook and Twitter buttons"). */
const NAMED_BUTTONS = /\bbuttons?\b/i;

/** Generic kinds of party, as policies phrase them. "analytics or service providers" is both. */
const CATEGORY_TERMS: readonly Term<PolicyCategory>[] = [
  {
    pattern: /\banalytics\s(?:(?:or|and)\s[\w-]+\s)?(?:service\s)?(?:providers?|partners?|services|companies|vendors|tools)\b/i,
    values: ['analytics-providers'],
  },
  {
    pattern:
      /(?<!\binternet\s)\bservice\sproviders?\b|\bcompanies\s(?:that|who|which)\s(?:help\sus\s)?provide\s(?:our\s)?services?\b|\b(?:third[\s-]party\s)?vendors\b|\bprocessors\b/i,
    values: ['service-providers'],
  },
  {
    pattern:
      /\badvertis(?:ing|ement)\s(?:partners?|networks?|companies|providers?|vendors|services)\b|\bad\s(?:networks?|partners?|tech(?:nology)?\scompanies)\b|\badvertisers\b|\b(?:display|serve|serving|show|deliver|manage)\s(?:our\s|you\s|relevant\s|targeted\s|interest-based\s)?(?:advertising|ads|advertisements)\b/i,
    values: ['advertising-partners'],
  },
  {
    pattern: /\bsocial\s(?:media|network(?:ing)?)\s(?:features?|widgets?|buttons?|plug-?ins?|platforms?|networks?|sites|services)\b|\bsharing\sbuttons\b/i,
    values: ['social-media-features'],
  },
  {
    pattern: /\bpartners?\s(?:to|that|who|which)\sprovides?\s(?:certain\s)?features\b|\bpartner\sto\sprovide\s(?:certain\s)?features\b/i,
    values: ['feature-partners'],
  },
  { pattern: /\baffiliates\b|\baffiliated\s(?:companies|entities)\b|\bour\saffiliate\b|\bgroup\scompanies\b/i, values: ['affiliates'] },
];

/** Third parties left unnamed and unqualified: "third parties", "our partner", "vendors". */
const UNNAMED_THIRD_PARTY = /\bthird[\s-]part(?:y|ies)\b|\bpartners?\b|\bother\scompanies\b|\bexternal\s(?:services|providers)\b/i;

/** The kind of party a section heading or a sentence's purpose points to, for unnamed third parties. */
const PURPOSE_CATEGORIES: readonly Term<PolicyCategory>[] = [
  { pattern: /\badvertis|\bads\b|\bmarketing\b/i, values: ['advertising-partners'] },
  { pattern: /\banalytic|\banaly[sz]|\bstatistic|\bmeasure/i, values: ['analytics-providers'] },
  { pattern: /\bsocial\b/i, values: ['social-media-features'] },
  { pattern: /\bfeatures?\b|\bfunctionalit/i, values: ['feature-partners'] },
];

export function technologiesIn(sentence: string, { namesParties }: { namesParties: boolean }): Technology[] {
  const found = new Set(TECHNOLOGY_TERMS.filter((t) => t.pattern.test(sentence)).flatMap((t) => t.values));
  if (namesParties && NAMED_BUTTONS.test(sentence)) found.add('widget');
  return sortTechnologies([...found]);
}

export function categoriesIn(sentence: string): PolicyCategory[] {
  return [...new Set(CATEGORY_TERMS.filter((t) => t.pattern.test(sentence)).flatMap((t) => t.values))];
}

export function mentionsUnnamedThirdParty(sentence: string): boolean {
  return UNNAMED_THIRD_PARTY.test(sentence);
}

/** The first category a text (a heading, a sentence) points to by purpose, if any. */
export function purposeCategoryOf(text: string): PolicyCategory | undefined {
  return PURPOSE_CATEGORIES.find((t) => t.pattern.test(text))?.values[0];
}

/** The schema's order, so drafts are stable whatever order the sentence names them in. */
export function sortTechnologies(technologies: readonly Technology[]): Technology[] {
  const order: readonly Technology[] = ['cookie', 'beacon', 'script', 'widget', 'local-storage', 'flash-lso', 'log-data'];
  return [...new Set(technologies)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** "We do not use Flash": a denial declares nothing. */
export function isDenial(sentence: string): boolean {
  return /\b(?:do|does|will|shall)\s(?:not|never)\s(?:use|allow|permit|place|set|employ|deploy|share|sell)\b|\bnever\s(?:use|place|set|sell)\b|\b(?:don't|doesn't|won't)\s(?:use|allow|place|set)\b/i.test(
    sentence,
  );
}

/** "Users can control the use of cookies…", "To manage Flash LSOs…": the visitor's choices, not a use. */
export function isAboutVisitorChoice(sentence: string): boolean {
  return /^(?:to\s(?:manage|disable|delete|block|opt|control|change|learn)|if\syou\s(?:reject|disable|block|refuse|delete|decline|do\snot|don't|wish|prefer|want))\b|\b(?:you|users?|visitors?)\s(?:can|may|could|are\sable\sto)\s(?:control|manage|disable|block|delete|reject|refuse|remove|opt|change|adjust|withdraw)\b|\bopt[\s-]out\b|\bbrowser\s(?:settings|preferences)\b/i.test(
    sentence,
  );
}

/** Whether the site itself acts in the sentence ("we use", "our website sets"). */
export function namesFirstPartyActor(sentence: string): boolean {
  return /\b(?:we|us)\b/i.test(sentence) || /\bour\s(?:web\s?site|site|services?|apps?|application|platform|pages?|products?)\b/i.test(sentence);
}
