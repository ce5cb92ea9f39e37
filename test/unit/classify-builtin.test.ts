import { parse } from 'tldts';
import { describe, expect, it } from 'vitest';
import {
  BuiltinOrganization,
  findOrganization,
  indexBuiltinDomains,
  listOrganizations,
  normalizeOrganizationName,
  OperatedDomain,
} from '../../lib/classify/index';

const organizations = listOrganizations();

function domainsOf(organization: BuiltinOrganization): string[] {
  return [...organization.domains, ...(organization.services ?? []).flatMap((service) => service.domains)];
}

describe('built-in tracker map: data', () => {
  it('holds about 200 organizations', () => {
    expect(organizations.length).toBeGreaterThanOrEqual(200);
  });

  it('validates every entry against its zod schema', () => {
    const problems = organizations.flatMap((organization) => {
      const result = BuiltinOrganization.safeParse(organization);
      return result.success
        ? []
        : result.error.issues.map((issue) => `${organization.id}: ${issue.path.join('.')}: ${issue.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('has no domain claimed by two organizations (or twice by one)', () => {
    expect(indexBuiltinDomains(organizations).conflicts).toEqual([]);
  });

  it('is frozen, so callers of findOrganization cannot change the shared data', () => {
    const google = findOrganization('Google')!;
    expect(Object.isFrozen(google) && Object.isFrozen(google.domains) && Object.isFrozen(google.services![0])).toBe(true);
  });

  it('has unique ids', () => {
    const ids = organizations.map((organization) => organization.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('gives no two organizations the same name, alias or service name', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const organization of organizations) {
      const names = new Set(
        [organization.name, ...(organization.aliases ?? []), ...(organization.services ?? []).map((s) => s.name)].map(
          normalizeOrganizationName,
        ),
      );
      for (const name of names) {
        const owner = owners.get(name);
        if (owner && owner !== organization.id) clashes.push(`${name}: ${owner} and ${organization.id}`);
        owners.set(name, organization.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('lists each domain in canonical form: not a deeper copy of another listed domain of the same category', () => {
    // A deeper entry only earns its place by carrying another category or product.
    const redundant: string[] = [];
    const { index } = indexBuiltinDomains(organizations);
    for (const [domain, owner] of index) {
      const parent = domain.slice(domain.indexOf('.') + 1);
      const parentOwner = index.get(parent);
      if (parentOwner && parentOwner.organization === owner.organization && parentOwner.category === owner.category && parentOwner.service === owner.service) {
        redundant.push(domain);
      }
    }
    expect(redundant).toEqual([]);
  });

  it('keeps private suffixes (tenant platforms) only where the organization runs the platform', () => {
    const platforms = organizations.flatMap((organization) =>
      domainsOf(organization)
        .filter((domain) => parse(domain, { allowPrivateDomains: true }).domain === null)
        .map((domain) => `${organization.id}:${domain}`),
    );
    // Every one of these must be a platform the organization operates for its customers.
    expect(platforms.sort()).toMatchInlineSnapshot(`
      [
        "akamai:akamai.net",
        "akamai:akamaiedge.net",
        "akamai:akamaihd.net",
        "akamai:akamaized.net",
        "akamai:edgekey.net",
        "akamai:edgesuite.net",
        "amazon:cloudfront.net",
        "amazon:elasticbeanstalk.com",
        "cloudflare:cloudflare.net",
        "cloudflare:pages.dev",
        "cloudflare:workers.dev",
        "digitalocean:digitaloceanspaces.com",
        "fastly:fastlylb.net",
        "github:github.io",
        "github:githubusercontent.com",
        "google:appspot.com",
        "google:blogspot.com",
        "google:firebaseapp.com",
        "google:googleapis.com",
        "google:run.app",
        "google:web.app",
        "heroku:herokuapp.com",
        "microsoft:azureedge.net",
        "microsoft:azurefd.net",
        "microsoft:azurewebsites.net",
        "microsoft:cloudapp.net",
        "microsoft:trafficmanager.net",
        "netlify:netlify.app",
        "shopify:myshopify.com",
        "vercel:vercel.app",
        "webflow:webflow.io",
        "wix:wixsite.com",
      ]
    `);
  });
});

describe('OperatedDomain schema', () => {
  it.each(['google.com', 'analytics.google.com', 'cloudfront.net', 'adtrafficquality.google', '3lift.com'])('accepts %s', (domain) => {
    expect(OperatedDomain.safeParse(domain).success).toBe(true);
  });

  it.each(['com', 'co.uk', 'Google.com', '*.google.com', 'https://google.com', '127.0.0.1', 'google'])('refuses %s', (domain) => {
    expect(OperatedDomain.safeParse(domain).success).toBe(false);
  });
});

describe('findOrganization', () => {
  it.each([
    ['Google', 'google'],
    ['google llc', 'google'],
    ['DoubleClick', 'google'],
    ['Google Analytics', 'google'],
    ['YouTube', 'google'],
    ['Facebook', 'meta'],
    ['Meta Platforms, Inc.', 'meta'],
    ['Twitter', 'x-twitter'],
    ['X', 'x-twitter'],
    ['TRUSTe', 'trustarc'],
    ['TrustArc Inc', 'trustarc'],
    ['Act-On', 'act-on'],
    ['Act-On Software, Inc.', 'act-on'],
    ['ActOn', 'act-on'],
    ['Hotjar Ltd.', 'hotjar'],
    ['Bing', 'microsoft'],
    ['Microsoft Clarity', 'microsoft'],
    ['AppNexus', 'xandr'],
    ['Rubicon Project', 'magnite'],
    ['BlueKai', 'oracle'],
    ['Pardot', 'salesforce'],
    ['comScore', 'comscore'],
    ['Parse.ly', 'parsely'],
    ['Crazy Egg', 'crazy-egg'],
    ['The Trade Desk', 'the-trade-desk'],
    ['Dun & Bradstreet', undefined],
    ['Acme Analytics', undefined],
    ['', undefined],
  ])('%j → %s', (name, id) => {
    expect(findOrganization(name)?.id).toBe(id);
  });

  it('covers the organizations the issue names', () => {
    const required = [
      'Google', 'Meta', 'Twitter', 'LinkedIn', 'Microsoft', 'Hotjar', 'TikTok', 'Act-On', 'ShareThis', 'AddThis',
      'TrustArc', 'Adobe', 'Amazon', 'Criteo', 'Taboola', 'Outbrain', 'HubSpot', 'Marketo', 'Pardot', 'Segment',
      'Mixpanel', 'Amplitude', 'Heap', 'FullStory', 'Quantcast', 'comScore', 'New Relic', 'Optimizely',
      'Intercom', 'Drift', 'Zendesk', 'Cloudflare', 'jsDelivr', 'unpkg', 'Akamai', 'Fastly', 'Yandex', 'Baidu',
      'Pinterest', 'Snap', 'Reddit', 'Quora', 'Yahoo', 'Xandr', 'Magnite', 'PubMatic', 'OpenX',
      'Index Exchange', 'The Trade Desk', 'MediaMath', 'LiveRamp', 'Oracle', 'Nielsen', 'Chartbeat', 'Parse.ly',
      'Crazy Egg', 'Mouseflow', 'Lucky Orange', 'OneTrust', 'Cookiebot', 'Usercentrics', 'Vimeo', 'Wistia',
      'Disqus', 'Gravatar',
    ];
    expect(required.filter((name) => !findOrganization(name))).toEqual([]);
  });
});

describe('normalizeOrganizationName', () => {
  it.each([
    ['Hotjar Ltd.', 'hotjar'],
    ['The Rubicon Project, Inc.', 'rubicon project'],
    ['Act-On', 'act on'],
    ['Ståhl & Co', 'stahl'],
    ['Dun & Bradstreet', 'dun and bradstreet'],
    ['Inc.', 'inc'],
  ])('%j → %j', (name, normalized) => {
    expect(normalizeOrganizationName(name)).toBe(normalized);
  });
});

describe('built-in map: hosts of the demo site', () => {
  it('knows Act-On by its tracking domain, so the demo finding gets a category', async () => {
    const { createClassifier } = await import('../../lib/classify');
    const attribution = createClassifier({ siteDomains: ['inbenta.com'], trackerDb: false }).classify('marketing.actonservice.com');
    expect(attribution).toMatchObject({ organization: 'Act-On Software', category: 'marketing', source: 'builtin' });
  });
});
