import { describe, expect, it } from 'vitest';
import {
  Attribution,
  createClassifier,
  normalizeDeclaredDomain,
  registrableDomain,
  type AttributionSource,
  type PolicyParty,
} from '../../lib/classify/index';

const site = { siteDomains: ['example.com'] };

describe('createClassifier: built-in map', () => {
  const { classify } = createClassifier(site);

  it.each([
    // host, organization, category, service
    ['www.google-analytics.com', 'Google', 'analytics', 'Google Analytics'],
    ['stats.g.doubleclick.net', 'Google', 'advertising', undefined],
    ['www.googletagmanager.com', 'Google', 'tag-manager', 'Google Tag Manager'],
    ['fonts.googleapis.com', 'Google', 'cdn', 'Google Hosted Libraries and Fonts'],
    ['www.youtube-nocookie.com', 'Google', 'audio-video', 'YouTube'],
    ['connect.facebook.net', 'Meta', 'advertising', 'Meta Pixel and SDK'],
    ['static.hotjar.com', 'Hotjar', 'analytics', undefined],
    ['analytics.tiktok.com', 'TikTok', 'advertising', 'TikTok Pixel'],
    ['px.ads.linkedin.com', 'LinkedIn', 'advertising', 'LinkedIn Insight Tag'],
    ['platform.linkedin.com', 'LinkedIn', 'social-media', undefined],
    ['bat.bing.com', 'Microsoft', 'advertising', 'Microsoft Advertising (Bing Ads)'],
    ['www.clarity.ms', 'Microsoft', 'analytics', 'Microsoft Clarity'],
    ['b.scorecardresearch.com', 'comScore', 'analytics', undefined],
    ['consent.truste.com', 'TrustArc', 'consent', undefined],
    ['cdn.cookielaw.org', 'OneTrust', 'consent', undefined],
    ['ib.adnxs.com', 'Xandr', 'advertising', undefined],
    ['d1234abcd.cloudfront.net', 'Amazon', 'hosting', 'Amazon Web Services'],
    ['cdn.jsdelivr.net', 'jsDelivr', 'cdn', undefined],
    ['munchkin.marketo.net', 'Marketo', 'marketing', undefined],
    ['mc.yandex.ru', 'Yandex', 'analytics', 'Yandex Metrica'],
  ])('%s → %s, %s, builtin', (host, organization, category, service) => {
    const attribution = classify(host);
    expect(attribution).toMatchObject({ party: 'third', organization, category, source: 'builtin' });
    expect(attribution.service).toBe(service);
  });

  it('records the registrable domain of a deep host: analytics.tiktok.com → tiktok.com', () => {
    expect(classify('analytics.tiktok.com').registrableDomain).toBe('tiktok.com');
  });

  it('names the parent company and the built-in id', () => {
    expect(classify('snap.licdn.com')).toMatchObject({ parent: 'Microsoft', organizationId: 'linkedin' });
  });

  it('reports an unknown third party with source none and no organization', () => {
    const attribution = classify('unknown-cdn.example');
    expect(attribution).toEqual({
      host: 'unknown-cdn.example',
      registrableDomain: 'unknown-cdn.example',
      party: 'third',
      source: 'none',
    });
  });

  it('normalizes case, cookie-domain dots and trailing dots to one host', () => {
    expect(classify('.DoubleClick.NET.')).toMatchObject({ host: 'doubleclick.net', organization: 'Google' });
  });

  it('returns frozen results that validate against the Attribution schema', () => {
    const attribution = classify('www.google-analytics.com');
    expect(Object.isFrozen(attribution)).toBe(true);
    expect(Attribution.parse(attribution)).toEqual(attribution);
  });

  it('reports an empty host as an unknown third party instead of throwing', () => {
    expect(classify('')).toMatchObject({ host: '', party: 'third', source: 'none' });
  });

  it('answers a repeated host from its cache with the same object', () => {
    expect(classify('static.hotjar.com')).toBe(classify('STATIC.hotjar.com'));
  });
});

describe('createClassifier: first or third party', () => {
  it.each([
    [['example.com'], 'www.example.com', 'first'],
    [['example.com'], 'cdn.example.com', 'first'],
    [['https://www.example.com/privacy'], 'shop.example.com', 'first'],
    [['example.com', 'example-cdn.net'], 'img.example-cdn.net', 'first'],
    [['example.com'], 'example.com.evil.net', 'third'],
    [['foo.github.io'], 'bar.github.io', 'third'],
    [['foo.github.io'], 'www.foo.github.io', 'first'],
    [['127.0.0.1'], '127.0.0.1', 'first'],
    [['127.0.0.1'], '127.0.0.2', 'third'],
    [[], 'www.example.com', 'third'],
  ] as const)('site %j, host %s → %s', (siteDomains, host, party) => {
    expect(createClassifier({ siteDomains }).classify(host).party).toBe(party);
  });

  it('keeps a first-party host attributed when a source knows it', () => {
    const { classify } = createClassifier({ siteDomains: ['google.com'] });
    expect(classify('www.google.com')).toMatchObject({ party: 'first', organization: 'Google' });
  });
});

describe('registrable domains', () => {
  it.each([
    ['foo.github.io', 'foo.github.io'],
    ['bar.github.io', 'bar.github.io'],
    ['a.b.example.co.uk', 'example.co.uk'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
    ['::1', '::1'],
  ])('%s → %s', (host, domain) => {
    expect(createClassifier(site).classify(host).registrableDomain).toBe(domain);
  });

  it('treats foo.github.io and bar.github.io as different registrable domains', () => {
    expect(registrableDomain('foo.github.io')).not.toBe(registrableDomain('bar.github.io'));
  });

  it('lets 127.0.0.1 stand for itself, matched by no parent domain', () => {
    const { classify } = createClassifier({
      siteDomains: [],
      policyParties: [{ name: 'Local collector', domains: ['0.0.1', '127.0.0.1'] }],
    });
    expect(classify('127.0.0.1')).toMatchObject({ registrableDomain: '127.0.0.1', source: 'policy' });
    expect(classify('10.0.0.1').source).toBe('none');
  });
});

describe('createClassifier: policy parties', () => {
  const actOn: PolicyParty = { name: 'Act-On', domains: ['actonsoftware.com'] };

  it('a host listed by the policy for Act-On → Act-On, source policy, beating the built-in map', () => {
    const { classify } = createClassifier({ ...site, policyParties: [actOn] });
    expect(classify('marketing.actonsoftware.com')).toMatchObject({
      organization: 'Act-On',
      organizationId: 'act-on',
      policyParty: 'Act-On',
      matchedDomain: 'actonsoftware.com',
      source: 'policy',
      // The policy names no category: it comes from the next source that knows the host.
      category: 'marketing',
      categorySource: 'builtin',
    });
  });

  it('uses the declared organization over the party name', () => {
    const party = { name: 'our marketing automation provider', organization: 'Act-On Software', domains: ['*.actonsoftware.com'] };
    const { classify } = createClassifier({ ...site, policyParties: [party] });
    expect(classify('a.actonsoftware.com')).toMatchObject({
      organization: 'Act-On Software',
      policyParty: 'our marketing automation provider',
    });
  });

  it('attributes a host only the policy knows, with no category', () => {
    const { classify } = createClassifier({ ...site, policyParties: [{ name: 'Acme Mail', domains: ['mail.acme.example'] }] });
    const attribution = classify('eu.mail.acme.example');
    expect(attribution).toMatchObject({ organization: 'Acme Mail', source: 'policy' });
    expect(attribution.category).toBeUndefined();
    expect(attribution.organizationId).toBeUndefined();
    expect(classify('acme.example').source).toBe('none');
  });

  it('lets a deeper declared domain win, and the first party listed win a tie', () => {
    const parties: PolicyParty[] = [
      { name: 'Parent', domains: ['vendor.example'] },
      { name: 'Child', domains: ['eu.vendor.example'] },
      { name: 'Late duplicate', domains: ['vendor.example'] },
    ];
    const { classify } = createClassifier({ ...site, policyParties: parties });
    expect(classify('x.eu.vendor.example').policyParty).toBe('Child');
    expect(classify('www.vendor.example').policyParty).toBe('Parent');
  });
});

describe('normalizeDeclaredDomain', () => {
  it.each([
    ['ActOnSoftware.com', 'actonsoftware.com'],
    ['*.actonsoftware.com', 'actonsoftware.com'],
    ['.actonsoftware.com.', 'actonsoftware.com'],
    ['https://www.act-on.com/privacy', 'www.act-on.com'],
    ['act-on.com/privacy', 'act-on.com'],
    ['cloudfront.net', 'cloudfront.net'],
    ['localhost', 'localhost'],
    ['[::1]', '::1'],
    ['com', undefined],
    ['co.uk', undefined],
    ['*.com', undefined],
    ['', undefined],
  ])('%j → %j', (entry, expected) => {
    expect(normalizeDeclaredDomain(entry)).toBe(expected);
  });
});

describe('createClassifier: sources', () => {
  const fake = (name: 'trackerdb', hosts: Record<string, string>): AttributionSource => ({
    name,
    lookup: (host) => (hosts[host] ? { organization: hosts[host], category: 'misc', matchedDomain: host } : undefined),
  });

  it('consults a later source only for hosts the earlier ones do not know', () => {
    const trackerDb = fake('trackerdb', { 'static.hotjar.com': 'Someone else', 'only-here.example': 'Late Co' });
    const { classify } = createClassifier({ ...site, trackerDb });
    expect(classify('static.hotjar.com')).toMatchObject({ organization: 'Hotjar', source: 'builtin' });
    expect(classify('only-here.example')).toMatchObject({ organization: 'Late Co', source: 'trackerdb' });
  });

  it('can leave the built-in map out', () => {
    expect(createClassifier({ ...site, builtin: false }).classify('static.hotjar.com').source).toBe('none');
  });
});
