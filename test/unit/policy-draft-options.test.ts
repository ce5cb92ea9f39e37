import { describe, expect, it } from 'vitest';
import { itWithSeed, readSeed } from './inbenta-seed';
import { parsePolicy } from '../../lib/policy/parse';
import { checkDraft, draftSkeleton } from '../../lib/ui/policy-draft';

// The options page drafts from pasted text with the same extractor as the CLI.
describe('draftSkeleton with pasted text', () => {
  it('fills the declarations from the text, saveable against the text as pasted', () => {
    const text = 'Privacy. We use cookies to remember your language. Google Analytics sets cookies to count visits.';
    const draft = draftSkeleton({ site: 'shop.test', text });
    expect(draft.declarations).toEqual([
      expect.objectContaining({ id: 'd1', clause: { section: 'Introduction', quote: 'We use cookies to remember your language.' }, appliesTo: 'first-party' }),
      expect.objectContaining({ id: 'd2', parties: [expect.objectContaining({ name: 'Google Analytics' })], technologies: ['cookie'] }),
    ]);
    expect(checkDraft(JSON.stringify(draft), 'shop.policy.json', text)).toEqual({ ok: true, id: 'shop-test' });
  });

  it('drafts pasted HTML, leaving out quotes the pasted markup would hide from the save check', () => {
    const html = '<h2>Cookies</h2><p>We use cookies to sign you in.</p><p>Hotjar&rsquo;s script records sessions.</p>';
    const draft = draftSkeleton({ site: 'shop.test', text: html });
    expect(draft.declarations.map((d) => d.clause.quote)).toEqual(['We use cookies to sign you in.']);
    expect(() => parsePolicy(draft, 'shop.policy.json', html)).not.toThrow();
  });

  it('keeps the placeholder when the text declares nothing or there is no text', () => {
    expect(draftSkeleton({ site: 'shop.test', text: 'We keep invoices for ten years.' }).declarations[0]!.id).toBe('c1');
    expect(draftSkeleton({ site: 'shop.test' }).declarations[0]!.id).toBe('c1');
  });

  itWithSeed('drafts the Inbenta seed in the options page as the CLI does', () => {
    const seed = readSeed();
    const draft = draftSkeleton({ site: 'inbenta.com', text: seed });
    expect(draft.declarations.length).toBeGreaterThan(8);
    expect(checkDraft(JSON.stringify(draft), 'inbenta.policy.json', seed)).toEqual({ ok: true, id: 'inbenta-com' });
  });
});
