import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicy, PolicyError } from '../../lib/policy/parse';
import { policyJsonSchemaText, type PolicyInput } from '../../lib/policy/schema';

const FILE = 'policy/acme.policy.json';

function acme(): PolicyInput {
  return {
    id: 'acme',
    site: { name: 'Acme', firstPartyDomains: ['acme.test'] },
    source: { title: 'Acme privacy policy', url: 'https://acme.test/privacy' },
    declarations: [
      {
        id: 'c1',
        clause: { section: 'Cookies', quote: 'Google uses cookies' },
        parties: [{ name: 'Google', domains: ['google-analytics.com'] }],
        technologies: ['cookie'],
      },
      {
        id: 'c2',
        clause: { section: 'Log files', quote: 'we store it in log files' },
        technologies: ['log-data'],
        appliesTo: 'first-party',
      },
    ],
  };
}

/** The message parsePolicy throws for `input`, or a failure when it accepts it. */
function errorFor(input: unknown): string {
  try {
    parsePolicy(input, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return (error as Error).message;
  }
  throw new Error('expected the policy to be rejected');
}

describe('policy/policy.schema.json', () => {
  it('is the JSON Schema generated from lib/policy/schema.ts (run npx tsx lib/policy/write-json-schema.ts)', () => {
    const committed = readFileSync(new URL('../../policy/policy.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(policyJsonSchemaText());
  });

  it('lists the technologies as a closed enum', () => {
    const technologies = JSON.parse(policyJsonSchemaText()).properties.declarations.items.properties.technologies;
    expect(technologies.items.enum).toEqual([
      'cookie', 'beacon', 'script', 'widget', 'local-storage', 'flash-lso', 'log-data',
    ]);
  });
});

describe('parsePolicy', () => {
  it('accepts a valid policy and fills in the defaults', () => {
    const policy = parsePolicy(acme(), FILE);
    expect(policy.declarations[0]).toMatchObject({ categories: [], appliesTo: 'third-party' });
    expect(policy.declarations[1]!.parties).toEqual([]);
  });

  it.each([
    [
      'an unknown technology, naming the allowed ones',
      (p: any) => { p.declarations[0].technologies = ['cookie', 'cookie-ish']; },
      `${FILE}: declarations[0].technologies[1]: "cookie-ish" is not one of cookie, beacon, script, widget, local-storage, flash-lso, log-data`,
    ],
    [
      'an unknown category',
      (p: any) => { p.declarations[0].categories = ['marketing']; },
      `${FILE}: declarations[0].categories[0]: "marketing" is not one of analytics-providers, advertising-partners, social-media-features, feature-partners, service-providers, affiliates, payment-processors, hosting-providers, customer-support`,
    ],
    [
      'a missing quote',
      (p: any) => { delete p.declarations[1].clause.quote; },
      `${FILE}: declarations[1].clause.quote: is required (string)`,
    ],
    [
      'a value of the wrong type',
      (p: any) => { p.site.firstPartyDomains = 'acme.test'; },
      `${FILE}: site.firstPartyDomains: expected array, got string "acme.test"`,
    ],
    [
      'a misspelt key (policy files are strict so typos do not vanish)',
      (p: any) => { p.declarations[0].technology = ['cookie']; },
      `${FILE}: declarations[0]: unknown key "technology"`,
    ],
    [
      'an empty technology list',
      (p: any) => { p.declarations[0].technologies = []; },
      `${FILE}: declarations[0].technologies: needs at least 1 item(s)`,
    ],
    [
      'a party domain written as a URL',
      (p: any) => { p.declarations[0].parties[0].domains = ['https://google.com/']; },
      `${FILE}: declarations[0].parties[0].domains[0]: "https://google.com/" is not a valid value (must be a lowercase host name such as "example.com")`,
    ],
    [
      'a duplicate declaration id',
      (p: any) => { p.declarations[1].id = 'c1'; },
      `${FILE}: declarations[1].id: "c1" is already used by declarations[0]`,
    ],
    [
      'a third-party declaration that names nobody',
      (p: any) => { p.declarations[0].parties = []; },
      `${FILE}: declarations[0].parties: names no party and no category; set appliesTo "first-party" if the clause is about the site itself`,
    ],
    ['a document that is not an object', () => 42, `${FILE}: (root): expected object, got number 42`],
  ])('rejects %s with one line naming the file and the path', (_case, mutate, expected) => {
    const input = acme();
    const replaced = mutate(input);
    expect(errorFor(replaced ?? input)).toBe(expected);
  });

  it('counts the other problems instead of dumping them', () => {
    const input: any = acme();
    input.id = 'Acme!';
    input.declarations[0].technologies = ['pixel'];
    const message = errorFor(input);
    expect(message).toMatch(/^policy\/acme\.policy\.json: id: "Acme!" is not a valid value .* \(and 1 more problem\)$/);
    expect(message).not.toContain('\n');
  });

  it('checks quotes against the policy text when it is given, naming the declaration', () => {
    const text = 'Google uses cookies. We gather data and we store it in log files.';
    expect(parsePolicy(acme(), FILE, text).id).toBe('acme');
    expect(() => parsePolicy(acme(), FILE, 'Google uses cookies.')).toThrow(
      `${FILE}: declarations[1].clause.quote: the quote of declaration "c2" is not in the policy text: "we store it in log files"`,
    );
  });
});
