import { describe, expect, it } from 'vitest';
import { audit } from '../../lib/audit/audit';
import { tableClassifier, type KnownHost } from './classify-table';
import { Finding } from '../../lib/model/finding';
import type { Observation } from '../../lib/model/observation';
import { Declaration, Policy } from '../../lib/policy/schema';

/** Acme's policy, clause by clause, as the rows below quote it. */
const acme = Policy.parse({
  id: 'acme',
  site: { name: 'Acme Inc.', firstPartyDomains: ['acme.test', 'acme-static.test'] },
  source: { title: 'Acme privacy policy', url: 'https://acme.test/privacy' },
  declarations: [
    {
      id: 'c1',
      clause: { section: 'Cookies', quote: 'Google may set cookies' },
      parties: [{ name: 'Google', domains: ['google.com', 'doubleclick.net', 'google-analytics.com', 'googletagmanager.com'] }],
      technologies: ['cookie'],
    },
    {
      id: 'c2',
      clause: { section: 'Social', quote: 'We include Facebook widgets' },
      parties: [{ name: 'Facebook', organization: 'Meta', domains: ['facebook.com', 'fbcdn.net'] }],
      technologies: ['widget'],
    },
    {
      id: 'c3',
      clause: { section: 'Cookies', quote: 'analytics or service providers use cookies' },
      categories: ['analytics-providers', 'service-providers'],
      technologies: ['cookie'],
    },
    {
      id: 'c4',
      clause: { section: 'Cookies', quote: 'We use cookies to remember your settings' },
      technologies: ['cookie'],
      appliesTo: 'first-party',
    },
    {
      id: 'c5',
      clause: { section: 'Social', quote: 'and Pinterest buttons' },
      parties: [{ name: 'Pinterest', domains: ['pinterest.com'] }],
      technologies: ['widget'],
    },
    {
      id: 'c6',
      clause: { section: 'Advertising', quote: 'our advertising partners may use web beacons' },
      categories: ['advertising-partners'],
      technologies: ['beacon'],
    },
  ],
});

/** What lib/classify would say about each host; anything else is unknown. */
const KNOWN: Record<string, KnownHost> = {
  'doubleclick.net': { organization: 'Google', category: 'advertising' },
  'google-analytics.com': { organization: 'Google', category: 'analytics' },
  'googletagmanager.com': {},
  'facebook.com': { organization: 'Meta', category: 'social-media' },
  'instagram.com': { organization: 'Meta', category: 'social-media' },
  'hotjar.com': { organization: 'Hotjar', category: 'analytics' },
  'tinyanalytics.io': { organization: 'TinyAnalytics', category: 'analytics' },
};

const attribute = tableClassifier(KNOWN, ['acme.test'], acme);

let nextId = 0;
function seen(kind: Observation['kind'], host: string, resourceType?: string): Observation {
  const party = host.endsWith('acme.test') ? 'first' : 'third';
  return {
    id: `o${++nextId}`,
    kind,
    pageUrl: 'https://www.acme.test/',
    host,
    party,
    time: 0,
    source: 'network',
    ...(resourceType ? { resourceType } : {}),
  };
}

interface Row {
  says: string;
  observations: Observation[];
  expected: Partial<Finding>;
}

const rows: Row[] = [
  {
    says: 'Google named for cookies, doubleclick.net sets a cookie → disclosed, clause c1',
    observations: [seen('cookie', 'doubleclick.net')],
    expected: { id: 'disclosed:org:google', subject: 'Google', status: 'disclosed', clauseIds: ['c1'], domains: ['doubleclick.net'] },
  },
  {
    says: 'Google named for cookies only, a doubleclick.net beacon is covered by the advertising-partner wording of c6 → disclosed-by-category',
    observations: [seen('beacon', 'ad.doubleclick.net')],
    expected: { status: 'disclosed-by-category', subject: 'Google', clauseIds: ['c6'], technologies: ['beacon'] },
  },
  {
    says: "Google named (for cookies): doubleclick.net's script only delivers the named party's service → disclosed, c1",
    observations: [seen('request', 'securepubads.doubleclick.net', 'script')],
    expected: { id: 'disclosed:org:google', status: 'disclosed', clauseIds: ['c1'] },
  },
  {
    says: 'Facebook named for widgets, facebook.com writes localStorage → technology-not-disclosed, c2',
    observations: [seen('storage', 'www.facebook.com')],
    expected: { subject: 'Facebook (Meta)', status: 'technology-not-disclosed', clauseIds: ['c2'], kinds: ['storage'], technologies: ['local-storage'] },
  },
  {
    says: 'Facebook named for widgets, a facebook.com frame → disclosed, c2',
    observations: [seen('request', 'www.facebook.com', 'sub_frame')],
    expected: { status: 'disclosed', clauseIds: ['c2'], technologies: ['widget'] },
  },
  {
    says: 'Facebook named for widgets: an image from fbcdn.net only gives Facebook the log data the widget already does → disclosed, c2',
    observations: [seen('request', 'scontent.fbcdn.net', 'image')],
    expected: { status: 'disclosed', clauseIds: ['c2'], technologies: ['log-data'] },
  },
  {
    says: 'Facebook is Meta: an instagram.com frame is covered by the party named with organization Meta → disclosed, c2',
    observations: [seen('request', 'www.instagram.com', 'sub_frame')],
    expected: { id: 'disclosed:org:meta', status: 'disclosed', clauseIds: ['c2'], domains: ['instagram.com'] },
  },
  {
    says: 'googletagmanager.com is unknown to the tracker database but listed under Google → disclosed, c1',
    observations: [seen('cookie', 'googletagmanager.com')],
    expected: { subject: 'Google', organization: 'Google', status: 'disclosed', clauseIds: ['c1'] },
  },
  {
    says: "an analytics tracker the policy never names, covered by 'analytics or service providers' → disclosed-by-category, c3",
    observations: [seen('cookie', 'stats.tinyanalytics.io')],
    expected: { id: 'disclosed-by-category:org:tinyanalytics', subject: 'TinyAnalytics', category: 'analytics', clauseIds: ['c3'] },
  },
  {
    says: "Hotjar, an analytics provider: its script is covered by c3's wording, its beacon by nothing → one undisclosed finding, proposing beacons",
    observations: [seen('request', 'static.hotjar.com', 'xmlhttprequest'), seen('beacon', 'in.hotjar.com')],
    expected: {
      id: 'undisclosed:org:hotjar',
      status: 'undisclosed',
      clauseIds: ['c3'],
      kinds: ['request', 'beacon'],
      technologies: ['beacon', 'script'],
      coverage: [
        { technology: 'beacon', status: 'undisclosed', clauseIds: [] },
        { technology: 'script', status: 'disclosed-by-category', clauseIds: ['c3'] },
      ],
      proposedDeclaration: {
        parties: [{ name: 'Hotjar', domains: ['hotjar.com'], organization: 'Hotjar' }],
        technologies: ['beacon'],
      },
    },
  },
  {
    says: 'a host nobody knows gets no category, so no generic wording covers it → undisclosed',
    observations: [seen('request', 'cdn.mystery.example', 'script')],
    expected: { id: 'undisclosed:mystery.example', subject: 'mystery.example', status: 'undisclosed' },
  },
  {
    says: 'www.acme.test sets a cookie → first-party, citing c4',
    observations: [seen('cookie', 'www.acme.test')],
    expected: { id: 'first-party:acme.test', organization: 'Acme Inc.', status: 'first-party', clauseIds: ['c4'] },
  },
  {
    says: "Google's script writes _ga into acme.test's own cookie jar → Google's cookie, disclosed, c1",
    observations: [{ ...seen('cookie', 'www.acme.test'), name: '_ga', via: ['js'], url: 'https://www.google-analytics.com/analytics.js' }],
    expected: { id: 'disclosed:org:google', subject: 'Google', status: 'disclosed', clauseIds: ['c1'], domains: ['google-analytics.com'] },
  },
  {
    says: "Hotjar's script writes _hjid into acme.test's localStorage → Hotjar's storage, undisclosed",
    observations: [{ ...seen('storage', 'www.acme.test'), name: '_hjid', source: 'page-hook', url: 'https://static.hotjar.com/c/hotjar.js' }],
    expected: { id: 'undisclosed:org:hotjar', status: 'undisclosed', technologies: ['local-storage'] },
  },
  {
    says: "a Google script named only by the page (it had locked the stack machinery) → the cookie stays acme.test's, citing c4",
    observations: [
      { ...seen('cookie', 'www.acme.test'), name: '_ga', via: ['js'], source: 'browser-api', url: 'https://www.google-analytics.com/analytics.js', writerEvidence: 'page-claim' },
    ],
    expected: { id: 'first-party:acme.test', status: 'first-party', clauseIds: ['c4'] },
  },
  {
    says: "acme.test's own script writing its own cookie stays first party, citing c4",
    observations: [{ ...seen('cookie', 'www.acme.test'), via: ['js'], url: 'https://static.acme-static.test/app.js' }],
    expected: { id: 'first-party:acme.test', status: 'first-party', clauseIds: ['c4'] },
  },
  {
    says: 'a cookie set by an HTTP response is the responding host’s, whatever URL set it',
    observations: [{ ...seen('cookie', 'www.acme.test'), via: ['http'], url: 'https://www.acme.test/login' }],
    expected: { id: 'first-party:acme.test', status: 'first-party' },
  },
  {
    says: 'acme-static.test is listed as first party by the policy although the page is on acme.test → first-party',
    observations: [seen('request', 'img.acme-static.test', 'image')],
    expected: { id: 'first-party:acme-static.test', status: 'first-party', clauseIds: [] },
  },
];

describe('audit, as Acme\'s policy reads', () => {
  it.each(rows.map((r) => [r.says, r] as const))('%s', (_says, row) => {
    const { findings } = audit({ observations: row.observations, policy: acme, attribute });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ...row.expected, observationIds: row.observations.map((o) => o.id) });
    expect(Finding.safeParse(findings[0]).success).toBe(true);
  });
});

describe('audit: grouping, order and ids', () => {
  const visit = [
    seen('cookie', 'www.acme.test'),
    seen('cookie', 'doubleclick.net'),
    seen('request', 'static.hotjar.com', 'script'),
    seen('cookie', 'www.google-analytics.com'),
    seen('storage', 'www.facebook.com'),
    seen('request', 'www.google-analytics.com', 'script'),
    seen('request', 'www.facebook.com', 'sub_frame'),
    seen('beacon', 'ad.doubleclick.net'),
  ];
  const result = audit({ observations: visit, policy: acme, attribute });

  it('gives one finding per party, with the worst verdict of its technologies, worst first, then by subject', () => {
    expect(result.findings.map((f) => f.id)).toEqual([
      'technology-not-disclosed:org:meta', // named for widgets; its storage is stated for no one
      'disclosed-by-category:org:google', // named, but its ad beacon is covered only by "advertising partners"
      'disclosed-by-category:org:hotjar', // an analytics provider whose script delivers its service
      'first-party:acme.test',
    ]);
  });

  it('merges the domains and technologies of one organization into one finding', () => {
    const google = result.findings.find((f) => f.id === 'disclosed-by-category:org:google')!;
    expect(google.domains).toEqual(['doubleclick.net', 'google-analytics.com']);
    expect(google.observationIds).toEqual([visit[1]!.id, visit[3]!.id, visit[5]!.id, visit[7]!.id]);
    expect(google.coverage).toEqual([
      { technology: 'cookie', status: 'disclosed', clauseIds: ['c1'] },
      { technology: 'beacon', status: 'disclosed-by-category', clauseIds: ['c6'] },
      { technology: 'script', status: 'disclosed', clauseIds: ['c1'] },
    ]);
  });

  it('does not depend on the order observations arrive in', () => {
    const reversed = audit({ observations: [...visit].reverse(), policy: acme, attribute });
    expect(reversed.findings.map((f) => f.id)).toEqual(result.findings.map((f) => f.id));
    expect(reversed.findings.map((f) => [...f.observationIds].sort())).toEqual(
      result.findings.map((f) => [...f.observationIds].sort()),
    );
  });

  it('lists declarations nothing matched (Pinterest c5) with their quote', () => {
    expect(result.unmatchedDeclarations).toEqual([{ id: 'c5', quote: 'and Pinterest buttons' }]);
  });

  it('proposes a declaration for what is not covered, which can be pasted into the policy file', () => {
    const proposal = result.findings[0]!.proposedDeclaration!;
    const pasted = Declaration.parse({ id: 'c7', clause: { section: 'New', quote: 'Facebook' }, ...proposal });
    expect(pasted.parties[0]).toEqual({ name: 'Facebook (Meta)', domains: ['facebook.com'], organization: 'Meta' });
    expect(pasted.technologies).toEqual(['local-storage']);
    expect(result.findings.filter((f) => f.proposedDeclaration).map((f) => f.status)).toEqual(['technology-not-disclosed']);
  });
});

describe('audit: findings resting on page claims', () => {
  it('says so when every observation of a finding was reported from inside the page', () => {
    const claimed = { ...seen('storage', 'static.hotjar.com'), source: 'page-hook' as const };
    const { findings } = audit({ observations: [claimed], policy: acme, attribute });
    expect(findings[0]).toMatchObject({ subject: 'Hotjar', pageClaimOnly: true });
  });

  it('does not, once the browser reported anything of that party', () => {
    const claimed = { ...seen('storage', 'static.hotjar.com'), source: 'page-hook' as const };
    const { findings } = audit({ observations: [claimed, seen('request', 'static.hotjar.com', 'script')], policy: acme, attribute });
    expect(findings).toHaveLength(1);
    expect(findings[0]).not.toHaveProperty('pageClaimOnly');
  });
});

describe('audit without a policy', () => {
  const observations = [
    seen('cookie', 'doubleclick.net'),
    seen('request', 'www.google-analytics.com', 'script'),
    seen('request', 'cdn.mystery.example', 'script'),
    seen('request', 'www.acme.test', 'document'),
  ];
  const { findings, unmatchedDeclarations } = audit({ observations, attribute: tableClassifier(KNOWN, ['acme.test']) });

  it('leaves every third party unreviewed, one finding per organization or registrable domain', () => {
    expect(findings.map((f) => [f.id, f.status, f.domains])).toEqual([
      ['unreviewed:org:google', 'unreviewed', ['doubleclick.net', 'google-analytics.com']],
      ['unreviewed:mystery.example', 'unreviewed', ['mystery.example']],
      ['first-party:acme.test', 'first-party', ['acme.test']],
    ]);
  });

  it('cites no clause, proposes nothing and reports no unmatched declaration', () => {
    expect(findings.every((f) => f.clauseIds.length === 0 && !f.proposedDeclaration)).toBe(true);
    expect(unmatchedDeclarations).toEqual([]);
  });
});
