import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithSeed, readSeed, SEED_FILE, SEED_PRESENT, SEED_RELATIVE } from './inbenta-seed';
import { loadPolicy } from '../../lib/policy/loader';
import { parsePolicy } from '../../lib/policy/parse';
import type { Declaration } from '../../lib/policy/schema';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const policyFile = `${repoRoot}policy/inbenta.policy.json`;
const json = JSON.parse(readFileSync(policyFile, 'utf8'));
const seed = SEED_PRESENT ? readSeed() : undefined;
const policy = parsePolicy(json, 'policy/inbenta.policy.json', seed);

function declaration(id: string): Declaration {
  const found = policy.declarations.find((d) => d.id === id);
  if (!found) throw new Error(`no declaration ${id}`);
  return found;
}

describeWithSeed('policy/inbenta.policy.json', () => {
  it('names its seed text, which exists relative to the repository root', () => {
    expect(json.source.textFile).toBe(SEED_RELATIVE);
    expect(existsSync(SEED_FILE)).toBe(true);
  });

  it('loads from disk with every quote found in the seed', async () => {
    await expect(loadPolicy(policyFile, { repoRoot })).resolves.toMatchObject({ id: 'inbenta' });
  });

  const idsAndIndexes: [string, number][] = json.declarations.map((d: { id: string }, i: number) => [d.id, i]);
  it.each(idsAndIndexes)(
    'fails when the quote of %s is altered',
    (id, index) => {
      const altered = structuredClone(json);
      altered.declarations[index].clause.quote = altered.declarations[index].clause.quote.replace(/\w+/, 'Altered');
      expect(() => parsePolicy(altered, 'policy/inbenta.policy.json', seed)).toThrow(
        `declarations[${index}].clause.quote: the quote of declaration "${id}" is not in`,
      );
    },
  );

  it('keeps quotes short', () => {
    for (const d of policy.declarations) expect(d.clause.quote.split(/\s+/).length, d.id).toBeLessThanOrEqual(40);
  });

  it('covers inbenta.com, so backstage.inbenta.com is first party', () => {
    expect(policy.site.firstPartyDomains).toEqual(['inbenta.com']);
  });

  it.each([
    ['Act-On', 'c1', ['cookie', 'beacon', 'script']],
    ['Google', 'c1', ['cookie', 'beacon', 'script']],
    ['Facebook', 'c8', ['widget', 'script']],
    ['Twitter', 'c8', ['widget', 'script']],
    ['ShareThis', 'c8', ['widget', 'script']],
    ['Facebook', 'c9', ['cookie', 'log-data']],
    ['TRUSTe', 'c10', ['log-data']],
  ])('names %s in %s for %j', (party, id, technologies) => {
    const d = declaration(id);
    expect(d.parties.map((p) => p.name)).toContain(party);
    expect(d.technologies).toEqual(technologies);
  });

  it.each([
    ['c1', ['affiliates', 'analytics-providers', 'service-providers'], ['cookie', 'beacon', 'script']],
    ['c4', ['feature-partners', 'advertising-partners'], ['flash-lso', 'local-storage']],
    ['c6', ['advertising-partners'], ['script', 'widget']],
    ['c7', ['advertising-partners'], ['cookie']],
    ['c11', ['service-providers'], ['log-data', 'widget']],
  ])('declares the generic parties of %s: %j for %j', (id, categories, technologies) => {
    expect(declaration(id).categories).toEqual(categories);
    expect(declaration(id).technologies).toEqual(technologies);
  });

  it('keeps what Inbenta says about itself first party: cookies (c2), LSOs (c3), log files (c5)', () => {
    const firstParty = policy.declarations.filter((d) => d.appliesTo === 'first-party');
    expect(firstParty.map((d) => [d.id, d.technologies])).toEqual([
      ['c2', ['cookie']],
      ['c3', ['flash-lso', 'local-storage']],
      ['c5', ['log-data']],
    ]);
    expect(declaration('c1').appliesTo).toBe('both');
  });

  it('gives well-known domains for the named parties', () => {
    const domains = (name: string) => policy.declarations.flatMap((d) => d.parties).find((p) => p.name === name)?.domains;
    expect(domains('Google')).toEqual(expect.arrayContaining(['google-analytics.com', 'doubleclick.net', 'googletagmanager.com']));
    expect(domains('Act-On')).toEqual(expect.arrayContaining(['act-on.com', 'actonsoftware.com']));
    expect(domains('Facebook')).toEqual(['facebook.com', 'facebook.net', 'fbcdn.net']);
    expect(domains('TRUSTe')).toEqual(['truste.com', 'trustarc.com']);
  });
});
