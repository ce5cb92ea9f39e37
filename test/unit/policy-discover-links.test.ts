import { describe, expect, it } from 'vitest';
import { policyLinksAmong, wellKnownPolicyUrls } from '../../lib/policy/discover-links';

const site = 'https://www.shop.test/products/';

describe('policyLinksAmong', () => {
  it('finds the privacy policy and a separate cookie policy among the footer links', () => {
    const links = policyLinksAmong(
      [
        { href: 'https://www.shop.test/about', text: 'About us' },
        { href: 'https://www.shop.test/legal/privacy-notice#top', text: 'Privacy Notice' },
        { href: 'https://www.shop.test/legal/cookies', text: 'Cookie Policy' },
        { href: 'https://www.shop.test/terms', text: 'Terms of Use' },
      ],
      site,
    );
    expect(links).toEqual([
      { url: 'https://www.shop.test/legal/privacy-notice', kind: 'privacy', found: 'link' },
      { url: 'https://www.shop.test/legal/cookies', kind: 'cookie', found: 'link' },
    ]);
  });

  it('reads the title, aria-label or path when the link text is an icon, and other languages', () => {
    expect(policyLinksAmong([{ href: 'https://shop.test/x', text: '', ariaLabel: 'Datenschutzerklärung' }], site)).toEqual([
      { url: 'https://shop.test/x', kind: 'privacy', found: 'link' },
    ]);
    expect(policyLinksAmong([{ href: 'https://shop.test/politique-de-confidentialite', text: 'Confidentialité' }], site)[0]?.kind).toBe('privacy');
    expect(policyLinksAmong([{ href: 'https://shop.test/aviso', title: 'Política de privacidad' }], site)[0]?.kind).toBe('privacy');
    expect(policyLinksAmong([{ href: 'https://shop.test/nl/cookiebeleid', text: 'Cookiebeleid' }], site)[0]?.kind).toBe('cookie');
    expect(policyLinksAmong([{ href: 'https://shop.test/privacy-policy', text: '§' }], site)[0]?.kind).toBe('privacy');
  });

  it('leaves out other sites, opt-out and settings links, and long sentences', () => {
    const links = policyLinksAmong(
      [
        { href: 'https://policies.google.com/privacy', text: 'Google Privacy Policy' },
        { href: 'https://www.shop.test/privacy/opt-out', text: 'Opt out of tracking' },
        { href: 'https://www.shop.test/cookie-settings', text: 'Cookie settings' },
        { href: 'https://www.shop.test/blog/1', text: 'Read how our new app was built with privacy in mind from the first day, and what the team learnt along the way' },
        { href: 'mailto:privacy@shop.test', text: 'privacy@shop.test' },
      ],
      site,
    );
    expect(links).toEqual([]);
  });

  it('accepts a policy host of the same organization when the caller knows one', () => {
    const links = policyLinksAmong([{ href: 'https://legal.shopgroup.test/privacy', text: 'Privacy' }], site, (host) => host === 'legal.shopgroup.test');
    expect(links).toEqual([{ url: 'https://legal.shopgroup.test/privacy', kind: 'privacy', found: 'link' }]);
  });

  it('by default, counts a policy host of the organization our map says runs the site', () => {
    const links = policyLinksAmong([{ href: 'https://policies.google.com/privacy?hl=en', text: 'Privacy' }], 'https://www.youtube.com/');
    expect(links).toEqual([{ url: 'https://policies.google.com/privacy?hl=en', kind: 'privacy', found: 'link' }]);
    expect(policyLinksAmong([{ href: 'https://policies.google.com/privacy', text: 'Privacy' }], 'https://www.shop.test/')).toEqual([]);
  });

  it('prefers the link that says policy over a bare mention', () => {
    const links = policyLinksAmong(
      [
        { href: 'https://www.shop.test/privacy-center', text: 'Privacy' },
        { href: 'https://www.shop.test/privacy-policy', text: 'Privacy Policy' },
      ],
      site,
    );
    expect(links.map((l) => l.url)).toEqual(['https://www.shop.test/privacy-policy']);
  });

  it('one page that is both a privacy and cookie policy is read once', () => {
    const links = policyLinksAmong([{ href: 'https://shop.test/legal', text: 'Privacy & Cookie Policy' }], site);
    expect(links).toEqual([{ url: 'https://shop.test/legal', kind: 'privacy', found: 'link' }]);
  });
});

describe('wellKnownPolicyUrls', () => {
  it('lists common policy paths on the site’s origin, privacy ones first', () => {
    const urls = wellKnownPolicyUrls(site);
    expect(urls[0]).toEqual({ url: 'https://www.shop.test/privacy', kind: 'privacy', found: 'well-known-path' });
    expect(urls.map((u) => u.url)).toContain('https://www.shop.test/cookie-policy');
    expect(urls.every((u) => u.url.startsWith('https://www.shop.test/'))).toBe(true);
  });
});
