import { describe, expect, it } from 'vitest';
import { draftPolicy, DraftError } from '../../lib/policy/draft';
import { stripMarkdownSyntax } from '../../lib/policy/quote';

/*
 * Texts shaped to make a backtracking reader rescan to the end from every character. Their cost
 * is measured in `npm run bench`; here, that they are read at all and read right.
 */
describe('adversarial policy texts', () => {
  it('reads ten thousand open brackets, and links among them, as text', () => {
    const brackets = '['.repeat(10_000);
    expect(stripMarkdownSyntax(`${brackets}[Google Analytics](https://www.google.com/analytics) `)).toBe('Google Analytics ');
    const draft = draftPolicy(`${'[a]('.repeat(5_000)}\n\nWe use Google Analytics cookies.`, 'markdown', { site: 'shop.test' });
    expect(draft.policy.declarations.map((d) => d.parties?.map((p) => p.name))).toContainEqual(['Google Analytics']);
  });

  it('refuses a text longer than any policy a person reads, in one line', () => {
    const huge = 'We use cookies. '.repeat(70_000);
    expect(() => draftPolicy(huge, 'markdown', { site: 'shop.test' })).toThrow(DraftError);
    expect(() => draftPolicy(huge, 'markdown', { site: 'shop.test' })).toThrow(/^the policy text is 1,120,000 characters; drafts are read from texts of up to 1,000,000$/);
  });
});
