import { listOrganizations, type BuiltinOrganization, type BuiltinService } from '../classify/index';
import type { PolicyParty } from './schema';

/**
 * Finding the built-in tracker organizations a sentence names. findOrganization() compares whole
 * names; running text needs more care, because names and aliases are also words: "X" (Twitter) is
 * a letter, "Segment" and "Drift" are nouns, "Cookie Law" is a law. So a name must appear as whole
 * words and in its own spelling, and the ambiguous ones only where their capital letter is not
 * explained by the start of a sentence.
 */

export interface OrganizationMention {
  party: PolicyParty;
  /** The words as the sentence writes them. */
  text: string;
  index: number;
}

/** Shorter names ("X", "VK", "QQ") are letters or syllables far more often than companies. */
const MIN_NAME_LENGTH = 3;

/** Names that are ordinary words or phrases: only their exact spelling inside a sentence counts. */
const COMMON_WORD_NAMES = new Set([
  'Adjust', 'Admiral', 'Amplitude', 'Apple', 'Azure', 'Bing', 'Blogger', 'Branch', 'Braze', 'Civic', 'Clicky',
  'Conversant', 'Crisp', 'Discord', 'Drift', 'Epsilon', 'Fastly', 'Flurry', 'Functional Software', 'Heap', 'Impact',
  'Intercom', 'Iterable', 'Jetpack', 'Ketch', 'Krux', 'Meta', 'Momentive', 'Oracle', 'Piano', 'Segment', 'Sentry',
  'Snap', 'Square', 'Stripe', 'Telegram', 'Termly', 'Text, Inc.', 'Twitch', 'Unruly',
]);

/** Never looked for in prose: "the EU Cookie Law" is not OneTrust. */
const NOT_IN_RUNNING_TEXT = new Set(['Cookie Law', 'Cookie Script']);

/** "the Share this button": a brand written as two words counts only right before such a noun. */
const WIDGET_NOUN = /^\s+(?:buttons?|widgets?|plug-?ins?|icons?|pixels?|tags?|scripts?|toolbar)\b/i;

interface NameVariant {
  /** How the built-in data spells it: the name recorded on the party. */
  canonical: string;
  organization: BuiltinOrganization;
  service?: BuiltinService;
  /** A CamelCase brand split into words ("Share This" for ShareThis). */
  spaced?: boolean;
}

export type OrganizationFinder = (sentence: string) => OrganizationMention[];

export function createOrganizationFinder(organizations: readonly BuiltinOrganization[] = listOrganizations()): OrganizationFinder {
  const variants = new Map<string, NameVariant>();
  const add = (written: string, variant: NameVariant) => {
    const key = keyOf(written);
    const known = variants.get(key);
    // A service's own name keeps its narrower domains even when it is also listed as an alias.
    if (!known || (variant.service && !known.service && known.organization === variant.organization)) variants.set(key, variant);
  };
  for (const organization of organizations) {
    const services = organization.services ?? [];
    const names = [organization.name, ...(organization.aliases ?? []), ...services.map((s) => s.name)];
    for (const name of names) {
      if (name.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_NAME_LENGTH || NOT_IN_RUNNING_TEXT.has(name)) continue;
      const service = services.find((s) => s.name === name);
      add(name, { canonical: name, organization, ...(service && { service }) });
      if (/^(?:\p{Lu}\p{Ll}+){2,}$/u.test(name)) {
        add(name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'), { canonical: name, organization, spaced: true });
      }
    }
  }
  const alternatives = [...variants.keys()]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

  return (sentence) => {
    const allCaps = isAllCaps(sentence);
    const mentions: OrganizationMention[] = [];
    for (const match of sentence.matchAll(pattern)) {
      const variant = variants.get(keyOf(match[0]));
      if (!variant || insideAddress(sentence, match.index, match[0].length)) continue;
      const sentenceInitial = /^[\s"'“‘(\[*_-]*$/.test(sentence.slice(0, match.index));
      const rest = sentence.slice(match.index + match[0].length);
      if (!spellingCounts(match[0], variant, { sentenceInitial, allCaps, rest })) continue;
      if (mentions.some((m) => m.party.name === variant.canonical)) continue;
      mentions.push({ party: partyOf(variant), text: match[0], index: match.index });
    }
    return mentions;
  };
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ');
}

function spellingCounts(
  written: string,
  variant: NameVariant,
  { sentenceInitial, allCaps, rest }: { sentenceInitial: boolean; allCaps: boolean; rest: string },
): boolean {
  const canonical = variant.canonical;
  if (variant.spaced) return !sentenceInitial && /^\p{Lu}/u.test(written) && WIDGET_NOUN.test(rest);
  if (COMMON_WORD_NAMES.has(canonical)) return written === canonical && !sentenceInitial && !allCaps;
  const acronym = canonical === canonical.toUpperCase();
  if (written === canonical) return !(acronym && allCaps && canonical.length <= 4);
  // Another capitalization of a distinctive name ("Hubspot", "GOOGLE"), never of an acronym.
  return !acronym && /^\p{Lu}/u.test(written) && canonical.replace(/\P{L}/gu, '').length >= 4;
}

/** Inside a URL or e-mail address the name is a host, which the party domains already cover. */
function insideAddress(sentence: string, index: number, length: number): boolean {
  const before = /\S*$/.exec(sentence.slice(0, index))?.[0] ?? '';
  const after = /^\S*/.exec(sentence.slice(index + length))?.[0] ?? '';
  const token = before + after;
  return /:\/\/|@|^www\./i.test(token) || /^\.[a-z]{2,}/.test(after);
}

function isAllCaps(sentence: string): boolean {
  const letters = sentence.replace(/\P{L}/gu, '');
  const upper = letters.replace(/\P{Lu}/gu, '').length;
  return letters.length >= 12 && upper / letters.length > 0.8;
}

/** The party as a policy file records it: the name as the built-in data spells it, its organization and domains. */
export function partyOf({ canonical, organization, service }: NameVariant): PolicyParty {
  const domains = service
    ? service.domains
    : [...organization.domains, ...(organization.services ?? []).flatMap((s) => s.domains)];
  return { name: canonical, organization: organization.name, domains: withoutCoveredDomains(domains) };
}

/** `analytics.twitter.com` adds nothing next to `twitter.com`, which covers its subdomains. */
function withoutCoveredDomains(domains: readonly string[]): string[] {
  const unique = [...new Set(domains)];
  return unique.filter((d) => !unique.some((other) => other !== d && d.endsWith(`.${other}`)));
}
