import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../lib/policy/parse';
import { checkDraft, draftSkeleton, parseJsonText, slugOf } from '../../lib/ui/policy-draft';
import { describePolicyState } from '../../lib/ui/policy-state';


describe('drafting a policy in the options page', () => {
  it('starts from a skeleton that is a valid policy once its quote is real', () => {
    const skeleton = draftSkeleton({ site: 'www.Shop.co.uk ' });
    expect(skeleton.id).toBe('shop-co-uk');
    expect(parsePolicy(skeleton, 'draft.policy.json').site.firstPartyDomains).toEqual(['www.shop.co.uk']);
    const text = 'Privacy. We use cookies to keep you signed in.';
    const withQuote = structuredClone(skeleton);
    withQuote.declarations[0]!.clause.quote = 'We use cookies to keep you signed in.';
    expect(checkDraft(JSON.stringify(withQuote), 'd.policy.json', text)).toEqual({ ok: true, id: 'shop-co-uk' });
    expect(checkDraft(JSON.stringify(skeleton), 'd.policy.json', text)).toMatchObject({ ok: false });
  });

  it('reports broken JSON in one line with the file name', () => {
    expect(parseJsonText('{"id": ', 'x.policy.json')).toMatchObject({ ok: false, error: expect.stringMatching(/^x\.policy\.json: not valid JSON: /) });
    expect(checkDraft('{', 'y.policy.json', '')).toMatchObject({ ok: false, error: expect.stringMatching(/^y\.policy\.json: not valid JSON/) });
    expect(slugOf('???')).toBe('policy');
  });
});

describe('what the popup says about the policy', () => {
  it('names the policy in use, or says plainly that none applies', () => {
    expect(describePolicyState({ state: 'matched', title: 'Privacy policy | Inbenta.com', siteName: 'Inbenta', origin: 'bundled' }, 'inbenta.com')).toEqual({
      applied: true,
      headline: 'Privacy policy | Inbenta.com',
      detail: "Inbenta's policy (bundled with the extension), matched by domain.",
    });
    expect(describePolicyState({ state: 'no-match' }, 'shop.test')).toMatchObject({ applied: false, headline: 'No policy matches shop.test' });
    expect(describePolicyState({ state: 'none-chosen' }, 'shop.test').applied).toBe(false);
    expect(describePolicyState({ state: 'chosen-unavailable', key: 'saved:x', error: 'x: broken' }, 's').detail).toBe('x: broken');
  });
});
