import { expect, it } from 'vitest';
import { describeWithSeed, readSeed, SEED_PRESENT } from './inbenta-seed';
import { draftPolicy, type DraftDeclaration } from '../../lib/policy/draft';
import { parsePolicy } from '../../lib/policy/parse';
import { normalizePolicyText, quoteAppearsIn } from '../../lib/policy/quote';

// The seed text stays outside the repository; the test reads it where the Inbenta policy does.
const seed = SEED_PRESENT ? readSeed() : '# Privacy policy\n\nNothing here.';
const { policy, plainText } = draftPolicy(seed, 'markdown', { site: 'www.inbenta.com' });
const declarations = policy.declarations;

/** What a reviewer expects the draft to find in the Inbenta policy, named as the built-in map names them. */
const EXPECTED_PARTIES = [
  { name: 'TRUSTe', organization: 'TrustArc' },
  { name: 'Act-On', organization: 'Act-On Software' },
  { name: 'Google', organization: 'Google' },
  { name: 'Facebook', organization: 'Meta' },
  { name: 'Twitter', organization: 'X (Twitter)' },
  { name: 'ShareThis', organization: 'ShareThis' },
];
const EXPECTED_TECHNOLOGIES = ['cookie', 'beacon', 'script', 'widget', 'local-storage', 'flash-lso', 'log-data'];
const EXPECTED_CATEGORIES = [
  'affiliates',
  'analytics-providers',
  'service-providers',
  'advertising-partners',
  'feature-partners',
  'social-media-features',
  // "companies that provide services … such as shipping your order or offering customer service"
  'customer-support',
];

function declarationQuoting(words: string): DraftDeclaration {
  const found = declarations.find((d) => d.clause.quote.includes(words));
  if (!found) throw new Error(`no declaration quotes "${words}"`);
  return found;
}

describeWithSeed('draft of the Inbenta policy (seed text)', () => {
  it('validates as a policy, every quote checked against the markdown and the plain text', () => {
    expect(() => parsePolicy(policy, 'inbenta-draft.policy.json', seed)).not.toThrow();
    expect(() => parsePolicy(policy, 'inbenta-draft.policy.json', plainText)).not.toThrow();
    for (const d of declarations) expect(quoteAppearsIn(d.clause.quote, seed), d.clause.quote).toBe(true);
  });

  it('describes the site and the source', () => {
    expect(policy.id).toBe('inbenta-com');
    expect(policy.site.firstPartyDomains).toEqual(['inbenta.com']);
    expect(policy.source.title).toBe('Privacy policy | Inbenta.com');
    // "02/04/2015" could be either day first or month first: no date rather than a guess.
    expect(policy.source.effectiveDate).toBeUndefined();
  });

  it('names exactly the expected parties, with their tracker organizations', () => {
    const parties = new Map(declarations.flatMap((d) => d.parties ?? []).map((p) => [p.name, p.organization]));
    expect(Object.fromEntries(parties)).toEqual(Object.fromEntries(EXPECTED_PARTIES.map((p) => [p.name, p.organization])));
  });

  it('gives each party the domains of the built-in map', () => {
    const domainsOf = (name: string) => declarations.flatMap((d) => d.parties ?? []).find((p) => p.name === name)?.domains;
    expect(domainsOf('TRUSTe')).toEqual(expect.arrayContaining(['truste.com', 'trustarc.com']));
    expect(domainsOf('Google')).toEqual(expect.arrayContaining(['google.com', 'google-analytics.com', 'doubleclick.net']));
    expect(domainsOf('Twitter')).toEqual(expect.arrayContaining(['twitter.com', 'x.com', 't.co']));
    expect(domainsOf('Facebook')).toEqual(expect.arrayContaining(['facebook.com', 'facebook.net']));
    expect(domainsOf('ShareThis')).toEqual(['sharethis.com']);
  });

  it('finds every technology and every generic category the policy declares', () => {
    expect(new Set(declarations.flatMap((d) => d.technologies))).toEqual(new Set(EXPECTED_TECHNOLOGIES));
    expect(new Set(declarations.flatMap((d) => d.categories ?? []))).toEqual(new Set(EXPECTED_CATEGORIES));
  });

  it('reads the tracking technologies sentence as the site and its named partners', () => {
    expect(declarationQuoting('Technologies such as: cookies, beacons, tags and scripts')).toMatchObject({
      clause: { section: 'Cookies and other Tracking Technologies' },
      parties: [{ name: 'Act-On' }, { name: 'Google' }],
      categories: ['analytics-providers', 'service-providers', 'affiliates'],
      technologies: ['cookie', 'beacon', 'script'],
      appliesTo: 'both',
    });
  });

  it('keeps the site’s own uses first party', () => {
    expect(declarationQuoting('We use cookies for our online experience')).toMatchObject({ technologies: ['cookie'], appliesTo: 'first-party' });
    expect(declarationQuoting('We use Local Storage Objects (LSOs) such as Flash')).toMatchObject({
      technologies: ['local-storage', 'flash-lso'],
      appliesTo: 'first-party',
    });
    expect(declarationQuoting('store it in log files')).toMatchObject({ technologies: ['log-data'], appliesTo: 'first-party' });
  });

  it('reads unnamed partners by what the sentence or its section says they do', () => {
    expect(declarationQuoting('Third parties with whom we partner')).toMatchObject({
      categories: ['advertising-partners', 'feature-partners'],
      technologies: ['flash-lso'],
      appliesTo: 'third-party',
    });
    const advertising = declarationQuoting('Our third party partner may use technologies such as cookies');
    expect(advertising).toMatchObject({ clause: { section: 'Advertising' }, categories: ['advertising-partners'], technologies: ['cookie'] });
    expect(advertising.note).toContain('from the section heading');
  });

  it('reads the social media widgets, and the sentence that refers back to them', () => {
    const widgets = declarationQuoting('such as the Facebook and Twitter buttons');
    expect(widgets).toMatchObject({
      clause: { section: 'Social Media Widgets' },
      parties: [{ name: 'Facebook' }, { name: 'Twitter' }, { name: 'ShareThis' }],
      categories: ['social-media-features'],
      technologies: ['script', 'widget'],
    });
    const features = declarationQuoting('These Features may collect your IP address');
    expect(features.parties).toEqual(widgets.parties);
    expect(features.technologies).toEqual(['cookie', 'log-data']);
    expect(features.note).toContain('sentence before');
  });

  it('gives a party named without a technology the least it receives, and says so', () => {
    const truste = declarationQuoting("has received TRUSTe's Privacy Seal");
    expect(truste).toMatchObject({ clause: { section: 'Introduction' }, parties: [{ name: 'TRUSTe' }], technologies: ['log-data'] });
    expect(truste.note).toMatch(/^draft: review; no technology named in this section/);
    // Later sentences naming TRUSTe again add nothing.
    expect(declarations.filter((d) => d.parties?.some((p) => p.name === 'TRUSTe'))).toHaveLength(1);
  });

  it('leaves out visitor choices, denials and sentences without an actor', () => {
    const quotes = declarations.map((d) => d.clause.quote).join('\n');
    expect(quotes).not.toContain('Users can control the use of cookies');
    expect(quotes).not.toContain('If you reject cookies');
    expect(quotes).not.toContain('To manage Flash LSOs');
    expect(quotes).not.toContain('This information includes internet protocol');
    expect(quotes).not.toContain('We do not sell your personal information');
  });

  it('numbers declarations d1, d2, … in text order, notes every one for review and is deterministic', () => {
    expect(declarations.map((d) => d.id)).toEqual(declarations.map((_, i) => `d${i + 1}`));
    for (const d of declarations) expect(d.note).toMatch(/^draft: review/);
    expect(draftPolicy(seed, 'markdown', { site: 'inbenta.com' }).policy).toEqual(policy);
    const order = declarations.map((d) => normalizePolicyText(seed).indexOf(normalizePolicyText(d.clause.quote)));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
