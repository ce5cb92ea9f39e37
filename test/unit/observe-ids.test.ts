import { describe, expect, it } from 'vitest';
import { requestObservationId, stableHash } from '../../lib/observe/ids';

describe('observation ids', () => {
  it('do not merge two of 300,000 cookie names (a 32-bit hash collides after about 77,000)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 300_000; i++) seen.add(stableHash(`https://site-${i % 977}.test/\n_cookie_${i}\n.site.test`));
    expect(seen.size).toBe(300_000);
  });

  it('are the same for the same event seen twice', () => {
    expect(stableHash('https://a.test/x')).toBe(stableHash('https://a.test/x'));
    expect(requestObservationId('7', 'https://a.test/x', 'k3j9q1')).toBe(requestObservationId('7', 'https://a.test/x', 'k3j9q1'));
  });

  it('keep request 7 of one browser run apart from request 7 of the next', () => {
    expect(requestObservationId('7', 'https://a.test/x', 'run1')).not.toBe(requestObservationId('7', 'https://a.test/x', 'run2'));
    expect(requestObservationId('7', 'https://a.test/x', 'run1')).toMatch(/^req-run1-7-[0-9a-z]+$/);
  });
});
