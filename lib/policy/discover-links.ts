import { createClassifier } from '../classify/classifier';
import { hostOf, registrableDomain } from '../classify/domain';

/**
 * Which of a site's links lead to its own privacy or cookie policy. Pure: the CLI and the extension
 * hand it the anchors the browser found on the audited pages (text, title, aria-label, address).
 */

export type PolicyPageKind = 'privacy' | 'cookie';

export interface AnchorSeen {
  href: string;
  text?: string;
  title?: string;
  ariaLabel?: string;
}

export interface PolicyLink {
  url: string;
  kind: PolicyPageKind;
  /** Where it came from: a link on the site, or a well-known path tried when no link was found. */
  found: 'link' | 'well-known-path';
}

/** Words that name a cookie policy: its own page, read as well as the privacy policy. */
const COOKIE_WORDS = /\bcookie(?:s|\s*(?:policy|notice|statement|settings|information))?\b|cookiebeleid|richtlinie\s+zu\s+cookies|pol[ií]tica\s+de\s+cookies|politique\s+(?:de|relative\s+aux)\s+cookies/i;

/** Words that name a privacy policy, in English and the languages sites most often use besides. */
const PRIVACY_WORDS =
  /\bprivacy(?:\s*(?:policy|notice|statement|center|centre|informativa))?\b|\bdata\s+protection\b|datenschutz|confidentialit[ée]|vie\s+priv[ée]e|privacidad|privacidade|informativa\s+(?:sulla\s+)?privacy|privacyverklaring|privacybeleid|integritetspolicy|personuvern/i;

/** Strong phrasing: the page is the policy itself, not a settings dialog or a news post about it. */
const POLICY_NOUN = /\b(?:policy|notice|statement|polic(?:y|ies)|erkl[äa]rung|hinweise|politique|pol[ií]tica|informativa|beleid|verklaring)\b/i;

/** Links that look like policy links but are not the site's policy text. */
const NOT_THE_POLICY = /\b(?:opt[\s-]?out|do\s+not\s+sell|preferences|settings|manage|choices|request|contact|form|cookiepedia|allaboutcookies)\b/i;

const WELL_KNOWN_PATHS: readonly [string, PolicyPageKind][] = [
  ['/privacy', 'privacy'],
  ['/privacy-policy', 'privacy'],
  ['/privacy-notice', 'privacy'],
  ['/legal/privacy', 'privacy'],
  ['/privacy.html', 'privacy'],
  ['/cookie-policy', 'cookie'],
  ['/cookies', 'cookie'],
  ['/legal/cookies', 'cookie'],
];

interface Scored extends PolicyLink {
  score: number;
}

/**
 * The best privacy-policy link and, when the site has a separate one, the best cookie-policy link,
 * among anchors on the site's own registrable domain or hosts the caller says belong to the same
 * organization (a policy host such as policies.example-group.com).
 */
export function policyLinksAmong(
  anchors: readonly AnchorSeen[],
  siteUrl: string,
  sameOrganization: (host: string) => boolean = operatedBySameOrganization(siteUrl),
): PolicyLink[] {
  const site = registrableDomain(hostOf(siteUrl));
  const best = new Map<PolicyPageKind, Scored>();
  for (const anchor of anchors) {
    const scored = scoreAnchor(anchor, site, sameOrganization);
    if (!scored) continue;
    const current = best.get(scored.kind);
    if (!current || scored.score > current.score) best.set(scored.kind, scored);
  }
  const privacy = best.get('privacy');
  const cookie = best.get('cookie');
  const links: PolicyLink[] = [];
  if (privacy) links.push(withoutScore(privacy));
  if (cookie && cookie.url !== privacy?.url) links.push(withoutScore(cookie));
  return links;
}

/**
 * Hosts our built-in map attributes to the organization behind the site: a group's shared policy
 * host (a video site's policy on its parent company's domain) counts as the site's own.
 */
export function operatedBySameOrganization(siteUrl: string): (host: string) => boolean {
  const { classify } = createClassifier({ siteDomains: [hostOf(siteUrl)] });
  const organization = classify(hostOf(siteUrl)).organizationId;
  return (host) => organization !== undefined && classify(host).organizationId === organization;
}

/** Paths where sites commonly keep their policies, tried in order when no page links to one. */
export function wellKnownPolicyUrls(siteUrl: string): PolicyLink[] {
  const origin = new URL(siteUrl).origin;
  return WELL_KNOWN_PATHS.map(([path, kind]) => ({ url: `${origin}${path}`, kind, found: 'well-known-path' as const }));
}

function scoreAnchor(anchor: AnchorSeen, site: string, sameOrganization: (host: string) => boolean): Scored | undefined {
  let url: URL;
  try {
    url = new URL(anchor.href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase();
  if (registrableDomain(host) !== site && !sameOrganization(host)) return undefined;
  const words = [anchor.text, anchor.title, anchor.ariaLabel].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
  const path = decodeURIComponent(url.pathname).replace(/[-_/.]+/g, ' ');
  if (words.length > 80 || NOT_THE_POLICY.test(words)) return undefined;
  const kind = kindOf(words) ?? kindOf(path);
  if (!kind) return undefined;
  let score = kindOf(words) ? 4 : 2;
  if (POLICY_NOUN.test(words)) score += 2;
  if (kindOf(path) === kind) score += 1;
  // The site's own domain before a group's policy host; shorter words before a sentence that mentions privacy.
  if (registrableDomain(host) === site) score += 1;
  score -= words.length / 100;
  url.hash = '';
  return { url: url.href, kind, found: 'link', score };
}

function kindOf(words: string): PolicyPageKind | undefined {
  if (COOKIE_WORDS.test(words) && !/privacy\s+(?:and|&)\s+cookie/i.test(words)) return 'cookie';
  if (PRIVACY_WORDS.test(words)) return 'privacy';
  return undefined;
}

function withoutScore({ score: _score, ...link }: Scored): PolicyLink {
  return link;
}
