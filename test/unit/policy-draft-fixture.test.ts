import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftPolicy, type DraftDeclaration } from '../../lib/policy/draft';
import { parsePolicy } from '../../lib/policy/parse';
import { quoteAppearsIn } from '../../lib/policy/quote';

// A second, different policy: a fictional SaaS company's cookie policy in HTML, written for these
// tests, with the traps a real page has (scripts, styles, comments, entities, a table, navigation).
const fixtureFile = new URL('../fixtures/policies/quillmark-cookie-policy.html', import.meta.url);
const html = readFileSync(fixtureFile, 'utf8');
const { policy, plainText } = draftPolicy(html, 'html', { site: 'https://www.quillmark.example/legal/cookies' });
const declarations = policy.declarations;

const EXPECTED_PARTIES = [
  { name: 'Google Analytics', organization: 'Google', domains: ['google-analytics.com', 'analytics.google.com'] },
  { name: 'Hotjar', organization: 'Hotjar', domains: ['hotjar.com', 'hotjar.io'] },
  { name: 'HubSpot', organization: 'HubSpot' },
  { name: 'LinkedIn Insight Tag', organization: 'LinkedIn', domains: ['ads.linkedin.com', 'snap.licdn.com'] },
  { name: 'LinkedIn', organization: 'LinkedIn' },
  { name: 'Intercom', organization: 'Intercom' },
  { name: 'YouTube', organization: 'Google' },
  { name: 'Stripe', organization: 'Stripe' },
];
const EXPECTED_TECHNOLOGIES = ['cookie', 'beacon', 'script', 'widget', 'local-storage', 'log-data'];
const EXPECTED_CATEGORIES = [
  'analytics-providers',
  'advertising-partners',
  'feature-partners',
  'social-media-features',
  'service-providers',
  'affiliates',
  // "Card payments are handled by Stripe"
  'payment-processors',
];

function declarationQuoting(words: string): DraftDeclaration {
  const found = declarations.find((d) => d.clause.quote.includes(words));
  if (!found) throw new Error(`no declaration quotes "${words}"`);
  return found;
}

describe('draft of the Quillmark cookie policy (HTML fixture)', () => {
  it('validates as a policy with every quote in the text as read', () => {
    expect(() => parsePolicy(policy, 'quillmark.policy.json', plainText)).not.toThrow();
    for (const d of declarations) expect(quoteAppearsIn(d.clause.quote, plainText)).toBe(true);
  });

  it('takes the site, the title and the effective date from the page', () => {
    expect(policy.site.firstPartyDomains).toEqual(['quillmark.example']);
    expect(policy.source).toMatchObject({ title: 'Cookie Policy — Quillmark', effectiveDate: '2024-03-03' });
  });

  it('names exactly the expected parties', () => {
    const parties = declarations.flatMap((d) => d.parties ?? []);
    expect([...new Set(parties.map((p) => p.name))].sort()).toEqual(EXPECTED_PARTIES.map((p) => p.name).sort());
    for (const expected of EXPECTED_PARTIES) {
      expect(parties.find((p) => p.name === expected.name)).toMatchObject(expected);
    }
  });

  it('finds the technologies and categories it declares, and not the Flash it denies', () => {
    expect(new Set(declarations.flatMap((d) => d.technologies))).toEqual(new Set(EXPECTED_TECHNOLOGIES));
    expect(new Set(declarations.flatMap((d) => d.categories ?? []))).toEqual(new Set(EXPECTED_CATEGORIES));
  });

  it('reads what each named party does', () => {
    expect(declarationQuoting('HubSpot sets tracking cookies')).toMatchObject({ parties: [{ name: 'HubSpot' }], technologies: ['cookie', 'script'] });
    // "Hubspot" as the text spells it is recorded under the built-in spelling.
    expect(declarationQuoting('Emails sent through Hubspot')).toMatchObject({ parties: [{ name: 'HubSpot' }], technologies: ['beacon'] });
    expect(declarationQuoting('provided by Intercom')).toMatchObject({ technologies: ['widget', 'local-storage'] });
    expect(declarationQuoting('device fingerprinting')).toMatchObject({ parties: [{ name: 'Stripe' }], technologies: ['script'] });
    expect(declarationQuoting('embedded videos from YouTube')).toMatchObject({ technologies: ['widget'] });
    expect(declarationQuoting('social media features from LinkedIn')).toMatchObject({
      categories: ['social-media-features'],
      technologies: ['cookie', 'widget'],
    });
    expect(declarationQuoting('Hotjar records anonymised session recordings')).toMatchObject({
      clause: { section: 'Analytics' },
      technologies: ['script', 'local-storage'],
    });
  });

  it('takes the technology of a party-only sentence from its section and notes where from', () => {
    const analytics = declarationQuoting('We use Google Analytics to count visits');
    expect(analytics.technologies).toEqual(['cookie']);
    expect(analytics.note).toContain('nearest tracking sentence in this section ("We and our analytics providers use …")');
    expect(declarationQuoting('We and our analytics providers use cookies')).toMatchObject({
      categories: ['analytics-providers'],
      appliesTo: 'both',
    });
  });

  it('reads a cookie table row as a sentence naming its provider', () => {
    expect(declarationQuoting('_hjSessionUser | Hotjar')).toMatchObject({ parties: [{ name: 'Hotjar' }], technologies: ['cookie'] });
  });

  it('drops scripts, styles, comments, navigation and buttons, and decodes entities', () => {
    const quotes = declarations.map((d) => d.clause.quote).join('\n');
    expect(plainText).not.toMatch(/Facebook|Twitter|dataLayer|color:|Accept all cookies|Pricing/);
    expect(quotes).not.toMatch(/[<>]|&[a-z]+;|&#/);
    expect(plainText).toContain('Quillmark Ltd. (“Quillmark”, “we”)');
    expect(plainText).toContain('Terms & Conditions');
    // The apostrophe arrives as an entity in the HTML: the quote holds the character itself.
    expect(declarationQuoting('in your browser’s local storage').technologies).toContain('local-storage');
  });

  it('does not read "Section X" as the company X', () => {
    expect(plainText).toContain('Section X of our Terms');
    expect(declarations.flatMap((d) => d.parties ?? []).map((p) => p.organization)).not.toContain('X (Twitter)');
  });

  it('leaves out the visitor’s choices and the denial', () => {
    const quotes = declarations.map((d) => d.clause.quote).join('\n');
    expect(quotes).not.toContain('You can block or delete cookies');
    expect(quotes).not.toContain('To opt out of interest-based advertising');
    expect(quotes).not.toContain('We do not use Flash cookies');
  });
});
