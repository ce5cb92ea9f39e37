import { isEnglishWord, isPlaceName } from './english-lexicon';
import { isAcronym, wordsOf } from './draft-name-runs';

/**
 * Capitalised names that a policy mentions without naming a recipient: the laws and regulators it
 * answers to, trade bodies, places, people, the browsers and software it gives instructions for,
 * and its own capitalised vocabulary ("Privacy Policy", "Online Banking", "Cookie Settings").
 */

/** A name holding one of these words is a law, a regulator, an institution or a trade body. */
const INSTITUTION_WORDS = new Set([
  'act', 'acts', 'law', 'laws', 'directive', 'regulation', 'regulations', 'code', 'shield', 'harbor', 'harbour',
  'framework', 'principles', 'clauses', 'convention', 'amendment', 'treaty', 'initiative', 'alliance', 'bureau',
  'association', 'commission', 'commissioner', 'commissioner’s', 'authority', 'agency', 'office', 'department',
  'ministry', 'council', 'court', 'board', 'administration', 'government', 'federal', 'parliament', 'congress',
  'committee', 'union', 'foundation', 'institute', 'university', 'ombudsman', 'regulator', 'supervisor',
]);

/** Browsers, operating systems and software a policy names in instructions, not as recipients. */
const SOFTWARE_WORDS = new Set([
  'internet explorer', 'explorer', 'firefox', 'mozilla', 'chrome', 'chromium', 'safari', 'opera', 'edge', 'netscape',
  'navigator', 'konqueror', 'camino', 'seamonkey', 'windows', 'macos', 'mac', 'ios', 'android', 'linux', 'flash',
  'shockwave', 'java', 'javascript', 'html5', 'silverlight', 'quicktime', 'realplayer', 'wordpress', 'phpbb',
  'drupal', 'joomla', 'acrobat', 'reader', 'player',
]);

/**
 * The capitalised words of policies themselves, of their headings and of browser menus. A name
 * made only of these (and small words) names no one: "Terms of Use", "Help", "Cookie Settings".
 */
const POLICY_WORDS = new Set(
  (
    'privacy policy policies notice statement terms term use conditions service services personal information data ' +
    'cookie cookies settings setting help tools tool options option preferences preference internet online web site ' +
    'website websites account accounts my your our the a an member members user users customer customers store shop ' +
    'banking mobile bill pay center centre section sections article articles chapter paragraph agreement security ' +
    'protection rights right choices choice opt out opt-out standard contractual european economic area strictly ' +
    'necessary performance functional functionality marketing analytics advertising social media like tweet pin it ' +
    'share send email e-mail sms rss ssl url ip id zip faq app apps application store play menu tab edit file ' +
    'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday effective date last updated revised modified contact us questions ' +
    'introduction overview summary important note please see click here home page pages login log in sign up ' +
    'secure sockets layer storage panel manager encryption do not track dnt gdpr ccpa coppa hipaa eu eea usa uk us u.s u.k inc llc ltd ' +
    'required optional session persistent first third party parties partner partners provider providers north ' +
    'south east west new general public private national international global local federal state states united ' +
    'kingdom republic social security number numbers card cards credit debit visa mastercard american express ' +
    'discover and or of for to in on by with from at client clients these those this that such both each all any ' +
    'some other certain local storage object objects shared lso lsos beacon beacons pixel pixels tag tags gif gifs ' +
    'clear widget widgets button buttons plug-in plug-ins plugin plugins feature features technology technologies ' +
    'tracking sdk sdks log logs files server advertisers advertiser'
  ).split(' '),
);

/** Whether a capitalised name is known not to be a recipient, whatever sentence it stands in. */
export function isNotARecipientName(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0) return true;
  if (words.some((w) => INSTITUTION_WORDS.has(w))) return true;
  const lower = words.join(' ');
  if (SOFTWARE_WORDS.has(lower) || words.some((w) => SOFTWARE_WORDS.has(w))) return true;
  if (words.every((w) => POLICY_WORDS.has(w) || /^\d+$/.test(w))) return true;
  // People's names are not filtered: companies carry them too (Nielsen, Sterling).
  return isPlaceName(name);
}

/**
 * Whether a single word is ordinary English ("Cookies", "Account", "Both"), so its capital letter
 * at the start of a sentence says nothing. Names made of several words are judged by their words
 * elsewhere; "Indeed" or "Sprint" inside a sentence keep their capital and count as names.
 */
export function isOrdinaryWord(word: string): boolean {
  if (isAcronym(word)) return false;
  const lower = word.toLowerCase();
  const forms = [lower, lower.replace(/ies$/, 'y'), lower.replace(/e?s$/, ''), lower.replace(/ly$/, '')];
  return POLICY_WORDS.has(lower) || forms.some(isEnglishWord);
}

/**
 * Whether a name is the site's own: its first word begins the site's domain label ("Meridian
 * Community Bank" on meridianbank.example) or the label begins the name ("Harborline Outfitters").
 */
export function isTheSite(name: string, siteName: string | undefined): boolean {
  if (!siteName) return false;
  const label = siteName.toLowerCase().replace(/[^a-z0-9]/g, '');
  const compact = wordsOf(name).join('').replace(/[^a-z0-9]/g, '');
  const first = wordsOf(name)[0]?.replace(/[^a-z0-9]/g, '') ?? '';
  return (first.length >= 4 && label.startsWith(first)) || (label.length >= 4 && compact.startsWith(label));
}
