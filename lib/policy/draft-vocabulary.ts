import type { Technology } from './schema';

/**
 * The words a policy uses for tracking technologies and for kinds of third party, mapped onto the
 * closed enums of the policy schema. Kept apart from the extractor so that adding a phrasing is a
 * one-line change that a reviewer can check against the schema's descriptions.
 */

export interface Term<T> {
  pattern: RegExp;
  values: readonly T[];
}

/**
 * One pattern from phrases written the way a reader would: each phrase is a regular-expression
 * fragment matched as whole words, with any run of whitespace where the phrase has a space
 * (write `\\s*` where the space is optional: "local storage", "localStorage").
 */
export function phrases(list: readonly string[], flags = 'i'): RegExp {
  return new RegExp(`\\b(?:${list.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`, flags);
}

/**
 * Technologies by wording. The schema reads "tags and scripts" as script, "LSOs such as Flash" as
 * Flash LSOs, and the request data of "log files" (IP address, browser, pages) as log-data.
 * Fingerprinting and session recording are code running in the page, so they count as script.
 */
const TECHNOLOGY_TERMS: readonly Term<Technology>[] = [
  // "Flash cookies" are Flash LSOs, not HTTP cookies.
  { pattern: /(?<!\bflash\s)\bcookies?\b/i, values: ['cookie'] },
  {
    pattern: phrases([
      '(?:web |clear |tracking )?beacons?', 'sendBeacon', '(?:tracking |conversion |web |spy )?pixels?', 'clear (?:gifs?|images?)',
      'web bugs?', '(?:tracking|invisible|transparent|1x1|single[\\s-]pixel|one[\\s-]pixel) (?:images?|gifs?|graphics?)',
    ]),
    values: ['beacon'],
  },
  // "tags" alone are the tags of "tags and scripts"; "pixel tags" are beacons (above).
  { pattern: /(?<!\bpixel[\s-])\btags?\b/i, values: ['script'] },
  {
    pattern: phrases([
      'scripts?', 'javascript', 'SDKs?', 'software development kits?', 'tag managers?', 'tagging', 'tracking code',
      '(?:code )?snippets?', 'mini-programs?', 'fingerprint(?:ing|s)?', 'session (?:replays?|recordings?)',
    ]),
    values: ['script'],
  },
  {
    pattern: phrases([
      'widgets?', 'plug-?ins?', 'iframes?', 'inline frames?', 'embedded (?:content|videos?|players?|media|maps?|forms?)',
      '(?:like|share|sharing|follow|tweet|social(?: media)?) buttons?',
    ]),
    values: ['widget'],
  },
  {
    pattern: phrases([
      'local\\s*storage', 'session\\s*storage', 'web storage', 'HTML\\s*5 (?:local )?storage', 'browser storage', 'IndexedDB',
      'cache storage',
    ]),
    values: ['local-storage'],
  },
  { pattern: phrases(['LSOs?', 'local shared objects?', 'flash cookies?']), values: ['flash-lso'] },
  // Case-sensitive: "Flash" the plug-in, not "a flash sale". "the Adobe Flash Player" is the
  // software visitors are told how to set, not storage anyone uses.
  { pattern: phrases(['Flash(?! Player)'], ''), values: ['flash-lso'] },
  {
    pattern: phrases([
      'log (?:files?|data|information)', '(?:server|web|access) logs?', 'IP address(?:es)?',
      'internet protocol (?:\\(IP\\) )?address(?:es)?', 'clickstream',
    ]),
    values: ['log-data'],
  },
];

/** "buttons" alone is a widget only where the sentence names whose buttons ("the Facebook and Twitter buttons"). */
const NAMED_BUTTONS = phrases(['buttons?']);

/** Third parties left unnamed and unqualified: "third parties", "our partner", "vendors". */
const UNNAMED_THIRD_PARTY = phrases(['third[\\s-]part(?:y|ies)', 'partners?', 'other companies', 'external (?:services|providers)']);

const DENIAL = phrases([
  '(?:do|does|will|shall) (?:not|never) (?:use|allow|permit|place|set|employ|deploy|share|sell)',
  'never (?:use|place|set|sell)', "(?:don't|doesn't|won't) (?:use|allow|place|set)",
]);

const VISITOR_CHOICE = new RegExp(
  [
    /^(?:to\s+(?:manage|disable|delete|block|opt|control|change|learn|remove|clear|reject|refuse|limit|prevent|stop|erase|adjust|turn\s+off)|if\s+you\s+(?:reject|disable|block|refuse|delete|decline|do\s+not|don't|wish|prefer|want))\b/.source,
    phrases([
      '(?:you|users?|visitors?) (?:can|may|could|are able to) (?:control|manage|disable|block|delete|reject|refuse|remove|opt|change|adjust|withdraw)',
      'opt[\\s-]out', 'browser (?:settings|preferences)',
    ]).source,
  ].join('|'),
  'i',
);

export function technologiesIn(sentence: string, { namesParties }: { namesParties: boolean }): Technology[] {
  const found = new Set(TECHNOLOGY_TERMS.filter((t) => t.pattern.test(sentence)).flatMap((t) => t.values));
  if (namesParties && NAMED_BUTTONS.test(sentence)) found.add('widget');
  return sortTechnologies([...found]);
}

export function mentionsUnnamedThirdParty(sentence: string): boolean {
  return UNNAMED_THIRD_PARTY.test(sentence);
}

/** The schema's order, so drafts are stable whatever order the sentence names them in. */
export function sortTechnologies(technologies: readonly Technology[]): Technology[] {
  const order: readonly Technology[] = ['cookie', 'beacon', 'script', 'widget', 'local-storage', 'flash-lso', 'log-data'];
  return [...new Set(technologies)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** "We do not use Flash": a denial declares nothing. */
export function isDenial(sentence: string): boolean {
  return DENIAL.test(sentence);
}

/** "Users can control the use of cookies…", "To manage Flash LSOs…": the visitor's choices, not a use. */
export function isAboutVisitorChoice(sentence: string): boolean {
  return VISITOR_CHOICE.test(sentence);
}

// "Our search results are loaded with JavaScript", "Similar technologies include pixels": anything
// the policy calls its own, and the technologies it introduces as used alongside its cookies.
const FIRST_PARTY_ACTOR = phrases(['we', 'us', 'our', 'this (?:web\\s*)?site', 'similar (?:tracking )?technologies']);

/** Whether the site itself acts in the sentence ("we use", "our website sets"). */
export function namesFirstPartyActor(sentence: string): boolean {
  return FIRST_PARTY_ACTOR.test(sentence);
}
