import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPolicyForSite, loadPolicy } from '../../lib/policy/loader';
import { normalizePolicyText, quoteAppearsIn } from '../../lib/policy/quote';

describe('quote matching', () => {
  it.each([
    ['line wrapping and double spaces', 'affiliates, or analytics', 'partners such as affiliates,  or\nanalytics or'],
    ['curly quotes in the text', "users' settings", 'remember users’ settings (e.g. language)'],
    ['curly quotes in the quote', 'Inbenta Technologies Inc.’s Client', "to the Inbenta Technologies Inc.'s Client"],
    ['links keep their label', 'please contact TRUSTe here.', 'please contact TRUSTe [here](https://feedback-form.truste.com/watchdog/request).'],
    ['bold headings', 'Advertising We partner', ' **Advertising**  \n\n\nWe partner'],
    ['italics', 'Effective Date: 02/04/2015', '_Effective Date: 02/04/2015_'],
    ['a stray bracket in extracted text', 'to store content information', 'to store [content information'],
    ['autolinks', 'please visit http://www.export.gov/safeharbor/.', 'please visit <http://www.export.gov/safeharbor/>.'],
  ])('tolerates %s', (_case, quote, text) => {
    expect(quoteAppearsIn(quote, text)).toBe(true);
  });

  it.each([
    ['a changed word', 'We sell your personal information', 'We do not sell your personal information'],
    ['a different case', 'we use cookies', 'We use cookies'],
    ['words across a sentence that are not adjacent', 'cookies and beacons', 'cookies, beacons'],
  ])('rejects %s', (_case, quote, text) => {
    expect(quoteAppearsIn(quote, text)).toBe(false);
  });

  it('keeps underscores inside words', () => {
    expect(normalizePolicyText('the _ga_ cookie and utm_source')).toBe('the ga cookie and utm_source');
  });
});

describe('loadPolicy and findPolicyForSite', () => {
  let root: string;
  const policy = (id: string, domain: string, quote: string) => ({
    id,
    site: { name: id, firstPartyDomains: [domain] },
    source: { title: id, url: `https://${domain}/privacy`, textFile: `texts/${id}.md` },
    declarations: [
      { id: 'c1', clause: { section: 'Cookies', quote }, parties: [{ name: 'Google' }], technologies: ['cookie'] },
    ],
  });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'policy-loader-'));
    mkdirSync(join(root, 'policy'));
    mkdirSync(join(root, 'texts'));
    writeFileSync(join(root, 'texts/acme.md'), '**Cookies**\n\nOur partners such as *Google* use cookies.');
    writeFileSync(join(root, 'texts/other.md'), 'We use no cookies.');
    writeFileSync(join(root, 'policy/acme.policy.json'), JSON.stringify(policy('acme', 'acme.test', 'such as Google use cookies')));
    writeFileSync(join(root, 'policy/other.policy.json'), JSON.stringify(policy('other', 'other.test', 'We use no cookies.')));
  });

  it('loads a policy whose quotes are in its text (textFile relative to the repository root)', async () => {
    const loaded = await loadPolicy(join(root, 'policy/acme.policy.json'), { repoRoot: root });
    expect(loaded.declarations[0]!.parties[0]!.name).toBe('Google');
  });

  it('fails naming the declaration when a quote is not in the text', async () => {
    const file = join(root, 'policy/acme.policy.json');
    writeFileSync(file, JSON.stringify(policy('acme', 'acme.test', 'such as Google sell cookies')));
    await expect(loadPolicy(file, { repoRoot: root })).rejects.toThrow(
      `${file}: declarations[0].clause.quote: the quote of declaration "c1" is not in texts/acme.md: "such as Google sell cookies"`,
    );
  });

  it('trusts the quotes when the text cannot be found', async () => {
    const file = join(root, 'policy/acme.policy.json');
    writeFileSync(file, JSON.stringify(policy('acme', 'acme.test', 'anything at all')));
    await expect(loadPolicy(file, { repoRoot: join(root, 'elsewhere') })).resolves.toMatchObject({ id: 'acme' });
  });

  it('reports malformed JSON and missing files in one line', async () => {
    const file = join(root, 'policy/broken.policy.json');
    writeFileSync(file, '{ "id": "broken", }');
    await expect(loadPolicy(file)).rejects.toThrow(new RegExp(`^${file}: not valid JSON: [^\\n]+$`));
    await expect(loadPolicy(join(root, 'policy/none.json'))).rejects.toThrow(/none\.json: cannot read the policy file \(ENOENT\)$/);
  });

  it("finds the site's policy by registrable domain, subdomains included", async () => {
    const dir = join(root, 'policy');
    expect((await findPolicyForSite('www.other.test', dir, { repoRoot: root }))?.policy.id).toBe('other');
    const found = await findPolicyForSite('backstage.acme.test', dir, { repoRoot: root });
    expect(found).toEqual({ policy: expect.objectContaining({ id: 'acme' }), file: join(dir, 'acme.policy.json') });
    expect(await findPolicyForSite('acme.example', dir, { repoRoot: root })).toBeUndefined();
  });

  it('does not let a broken policy file go unnoticed', async () => {
    writeFileSync(join(root, 'policy/bad.policy.json'), JSON.stringify({ id: 'bad' }));
    await expect(findPolicyForSite('www.acme.test', join(root, 'policy'), { repoRoot: root })).rejects.toThrow(
      /bad\.policy\.json: site: is required \(object\)/,
    );
  });
});
