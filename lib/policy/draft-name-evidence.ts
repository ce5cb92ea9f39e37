import { isAcronym, nameRunsIn, wordsOf, type NameRun } from './draft-name-runs';
import { isNotARecipientName, isOrdinaryWord, isTheSite } from './draft-name-filters';

/**
 * Which capitalised names of a sentence name recipients. Policies name the companies they work
 * with in a few recurring shapes, and only those count, so that headings, laws and product names
 * written with capitals do not: a legal form ("ValueClick, Inc."), a company noun ("Burst Media",
 * "Syniverse Technologies"), a phrase that introduces a provider ("provided by", "powered by",
 * "such as", "including", "the services of", "share … with"), an apposition ("Braintree, a PayPal
 * company"), the subject of what a provider does ("WebTrends uses cookies") and the names listed
 * with any of these ("including AT&T, Verizon Wireless and Sprint").
 */

export interface Span {
  index: number;
  end: number;
}

const FILLER = String.raw`(?:(?:the|our|a|an|its|their)\s+)?`;

const SERVICE_VERBS = [
  'provided', 'powered', 'operated', 'hosted', 'served', 'processed', 'delivered', 'managed', 'sent', 'run', 'handled',
  'offered', 'supplied', 'placed', 'distributed', 'syndicated', 'administered', 'maintained', 'performed', 'supported',
  'stored', 'recorded', 'collected', 'set', 'carried out', 'made', 'transmitted', 'routed', 'conducted', 'measured',
  'counted', 'received', 'shared', 'disclosed', 'passed', 'transferred', 'sold', 'booked', 'purchased', 'paid',
  'billed', 'charged', 'authorized', 'authorised', 'completed', 'installed', 'hosted',
];

/** The words right before a name that introduce it as a provider. */
const INTRODUCED = new RegExp(
  [
    String.raw`\b(?:${SERVICE_VERBS.join('|').replace(/ /g, '\\s+')})\s+(?:(?:on\s+(?:our|its|their)\s+behalf|for\s+us|directly|securely|exclusively|solely)\s+)?(?:by|through|via|with)\s+${FILLER}$`,
    String.raw`\b(?:work|works|worked|working|partner|partners|partnered|partnering|contract|contracts|contracted|share|shares|shared|sharing|host|hosts|hosted|account|accounts|cooperate|cooperates|integrate|integrates|integrated|engage|engages|engaged)\b[^.;:]{0,80}?\bwith\s+${FILLER}$`,
    String.raw`\b(?:disclose[sd]?|transfer(?:s|red)?|pass(?:es|ed)?|send|sends|sent|provide[sd]?|give[sn]?|communicated?|forward(?:s|ed)?|sell|sold|rent(?:s|ed)?)\b[^.;:]{0,60}?\bto\s+${FILLER}$`,
    String.raw`\b(?:ads?|adverts?|advertisements?|banners?|widgets?|pixels?|tags?|scripts?|cookies?|beacons?|SDKs?|kits?|plug-?ins?|add-?ons?|toolbars?|extensions?|buttons?|videos?|content|services?|counters?|code|tools?|reviews?|feeds?|maps?|fonts?|e-?mails?|messages?)\s+(?:\([^()]*\)\s+)?from\s+${FILLER}$`,
    String.raw`\b(?:services?|technology|technologies|gateway|systems?|platform|products?|tools?|servers?|part|subsidiary|division|unit|members?|brand|network)\s+of\s+${FILLER}$`,
    String.raw`\b(?:companies|partners|providers|networks|vendors|sub-?processors|processors|services|following)\b[^.:;]{0,40}:\s*$`,
    // "our telephony provider, RingCentral", "the insurer, Europ Assistance"
    String.raw`\b(?:our|the|its|their)\s+(?:[\p{Ll}-]+\s+){0,3}(?:provider|partner|processor|company|vendor|host|agency|insurer|bank|carrier|operator|network|service|supplier|contractor),\s+$`,
    String.raw`\b(?:we|site|website|app|pages?)\s+(?:also\s+|may\s+|currently\s+)?(?:use|uses|used|utili[sz]es?|employs?|rel(?:y|ies)\s+on)\s+${FILLER}$`,
  ].join('|'),
  'iu',
);

/** List openers: the names after them are recipients even when they are acronyms ("including CIFAS"). */
const LIST_OPENER = new RegExp(
  String.raw`\b(?:such\s+as|including|include|includes|included|namely|like|e\.g\.,?|i\.e\.,?|for\s+(?:example|instance),?|as\s+well\s+as)\s+(?:(?:through|by|with|from|via|at)\s+)?${FILLER}$`,
  'iu',
);

/** "your operator (Vodafone UK, O2, EE or Three)": a list in brackets after a kind of company, not "provider (ISP)". */
const BRACKETED_LIST_OPENER = /\b(?:operators?|carriers?|providers?|networks?|banks?|partners?|companies|vendors|processors)\s+\($/i;
const LIST_GOES_ON = /^\s*(?:,|\s(?:or|and)\s)/;

/** Nouns that end company names: "Burst Media", "Pair Networks", "Sabre Holdings". */
const COMPANY_NOUNS = new Set([
  'media', 'networks', 'technologies', 'systems', 'solutions', 'holdings', 'group', 'labs', 'communications',
  'publishing', 'payments', 'software', 'interactive', 'partners', 'associates', 'ventures', 'enterprises',
  'industries', 'consulting', 'bank', 'banco', 'insurance', 'telecom', 'telecommunications', 'wireless', 'mobile',
  'infosystems', 'marketing',
]);

/** After a name: "…, a fraud prevention service", "(a Twitter company)", "(part of Fabric …)". */
const APPOSITION = new RegExp(
  String.raw`^(?:,\s+(?:a|an|the|our)\s+(?:[\p{L}-]+\s+){0,4}(?:company|subsidiary|division|service|provider|network|platform|system|tool|processor|partner|vendor|agency|firm|business|unit|brand|product|app|application|carrier|operator|bank|insurer)\b|\s+\((?:(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}(?:company|subsidiary|division|brand|business)\b|part\s+of|formerly|now\s+part|owned\s+by|operated\s+by|acquired\s+by))`,
  'iu',
);

/** "a Google company": the name between "a" and a company noun. */
const COMPANY_OF = /^\s+(?:company|subsidiary|business|brand|division)\b/i;

/** What a provider named as the subject of a sentence does: "WebTrends uses cookies", "Localytics for messages". */
const PROVIDER_ACTION = new RegExp(
  String.raw`^(?:\s+\([^()]*\))?(?:,\s+(?:which|who|a|an|the|our)\b|\s+(?:uses?|sets?|places?|may|might|will|can|receives?|collects?|records?|stores?|provides?|reports?|publishes|processes|operates|runs|serves|delivers|sends|counts|shows|measures|tracks|helps|acts|is\s+(?:a|an|the|our|used)|are\s+used|for)\b)`,
  'iu',
);

/** "the Zanox affiliate network", "the Disqus comment system". */
const NAMED_SERVICE = /^\s+(?:[\p{Ll}-]+\s+){0,2}(?:network|service|system|platform|programme|program|counter|plug-?in|widget|player)\b/iu;

const LIST_SEPARATOR = /^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)(?:the\s+)?$/i;

/**
 * The names of a sentence that name recipients, other than those at `known` spans (names the
 * caller already recognised, which still count as list members) and `taken` ones (words the caller
 * has read as something else, such as "Google Chrome").
 */
export interface NameContext {
  siteName: string | undefined;
  /** Words the text also writes in lower case: capitalised at a sentence start, they are that word. */
  lowerCaseWords: ReadonlySet<string>;
}

export function recipientNamesIn(
  sentence: string,
  { known, taken }: { known: readonly Span[]; taken: readonly Span[] },
  { siteName, lowerCaseWords }: NameContext,
): NameRun[] {
  const isSingleOrdinaryWord = (run: NameRun) =>
    !/\s/.test(run.name) && (isOrdinaryWord(run.name) || lowerCaseWords.has(run.name.toLowerCase()));
  const overlapsKnown = (run: NameRun) => [...known, ...taken].some((k) => run.index < k.end && k.index < run.end);
  const runs = nameRunsIn(sentence).filter((run) => !overlapsKnown(run) && !isNotARecipientName(run.name) && !isTheSite(run.name, siteName));
  const accepted = new Set(runs.filter((run) => hasOwnEvidence(sentence, run, isSingleOrdinaryWord(run))));
  // Names listed with an accepted or known name: forwards and backwards until nothing changes.
  const listed = (a: Span, b: Span) => a.end <= b.index && LIST_SEPARATOR.test(sentence.slice(a.end, b.index));
  for (let changed = true; changed; ) {
    changed = false;
    const anchors: Span[] = [...known, ...accepted];
    for (const run of runs) {
      if (accepted.has(run) || (run.sentenceInitial && isSingleOrdinaryWord(run))) continue;
      if (anchors.some((a) => listed(a, run) || listed(run, a))) {
        accepted.add(run);
        changed = true;
      }
    }
  }
  return runs.filter((run) => accepted.has(run));
}

function hasOwnEvidence(sentence: string, run: NameRun, ordinaryWord: boolean): boolean {
  const before = sentence.slice(0, run.index);
  const after = sentence.slice(run.end);
  if (run.legalForm) return true;
  if (LIST_OPENER.test(before) || (BRACKETED_LIST_OPENER.test(before) && LIST_GOES_ON.test(after))) return true;
  if (isAcronym(run.name)) return false;
  const words = wordsOf(run.name);
  if (words.length > 1 && COMPANY_NOUNS.has(words.at(-1)!)) return true;
  if (APPOSITION.test(after)) return !ordinaryWord || !run.sentenceInitial;
  if (/\b(?:a|an)\s+$/i.test(before)) return COMPANY_OF.test(after);
  if (INTRODUCED.test(before)) return true;
  if (/\bthe\s+$/i.test(before) && NAMED_SERVICE.test(after)) return true;
  if (!run.sentenceInitial || ordinaryWord) return false;
  // "Localytics for in-app messages": a list item, not "Adverts for our products are placed by …".
  if (/^\s+for\b/i.test(after)) return /\s/.test(run.name) || sentence.split(/\s+/).length <= 12;
  return PROVIDER_ACTION.test(after);
}
