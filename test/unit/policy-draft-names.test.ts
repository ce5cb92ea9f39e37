import { describe, expect, it } from 'vitest';
import { createPartyFinder } from '../../lib/policy/draft-parties';
import { providerCellsOf } from '../../lib/policy/draft-tables';
import { nameRunsIn } from '../../lib/policy/draft-name-runs';

// Companies named in the text itself (lib/policy/draft-name-*.ts, draft-parties.ts, draft-tables.ts).
const find = createPartyFinder({ siteName: 'acmeshop', lowerCaseWords: new Set(['advertisers', 'cookies']) });
const names = (sentence: string) => find(sentence).map((m) => m.party.name);

describe('companies named in policy prose', () => {
  it.each([
    ['Our advertising partners include Tribal Fusion, Burst Media Corporation and ValueClick, Inc.', ['Tribal Fusion', 'Burst Media', 'ValueClick']],
    ['Our RSS feeds are provided by FeedBurner.', ['FeedBurner']],
    ['Payments are processed by Braintree, a PayPal company.', ['Braintree', 'PayPal']],
    ['Alerts are delivered through mobile carriers including AT&T, Verizon Wireless and Sprint.', ['AT&T', 'Verizon Wireless', 'Sprint']],
    ['We share your number with Syniverse Technologies.', ['Syniverse Technologies']],
    ['Calls may be recorded by our telephony provider, RingCentral.', ['RingCentral']],
    ['WebTrends uses first-party cookies.', ['WebTrends']],
    ['Banner ads from Burst! Media appear here.', ['Burst! Media']],
  ])('%s', (sentence, expected) => {
    expect(names(sentence)).toEqual(expected);
  });

  it.each([
    ['We comply with the EU-US Privacy Shield Framework.'],
    ['Our offices in Madrid are operated by Acme Shop Europe S.L.'],
    ['See Section 7 of our Terms of Use.'],
    ['You can set Internet Explorer, Firefox or Safari to refuse cookies.'],
    ['Our site supports Google Chrome and Microsoft Internet Explorer.'],
    ["To remove Flash cookies, use the Settings Manager on Adobe's website."],
    ['Deposits are insured by the Federal Deposit Insurance Corporation.'],
    ['Our site contains links to other sites, such as Amazon and eBay.'],
    ['Advertisers may set cookies.'],
    ['This information includes your internet service provider (ISP).'],
    ['Certificates are issued by VeriSign.'],
  ])('names no recipient in: %s', (sentence) => {
    expect(names(sentence)).toEqual([]);
  });

  it('records a name found only in the text as written, without domains; a known one with the map’s', () => {
    const [tribal, google] = find('Ads are served by Tribal Fusion and Google, Inc.');
    expect(tribal!.party).toEqual({ name: 'Tribal Fusion' });
    expect(google!.party).toMatchObject({ name: 'Google', organization: 'Google', domains: expect.arrayContaining(['google.com']) });
  });

  it('splits the legal form off a name, and a year off the name after it', () => {
    expect(nameRunsIn('© 2009 Harborline Outfitters, LLC and Amadeus IT Group, S.A.').map((r) => [r.name, r.legalForm])).toEqual([
      ['Harborline Outfitters', true],
      ['Amadeus IT Group', true],
    ]);
  });
});

describe('provider column of a cookie table', () => {
  it('gives each row after the header its provider cell', () => {
    const rows = ['Cookie | Provider | Purpose', 'mf_user | MediaForge | Retargeting', 'sid | AcmeShop | Session', 'After the table.'];
    expect(providerCellsOf(rows)).toEqual([undefined, 'MediaForge', 'AcmeShop', undefined]);
    expect(find(rows[1]!, { provider: 'MediaForge' }).map((m) => m.party.name)).toEqual(['MediaForge']);
    expect(find(rows[2]!, { provider: 'AcmeShop' })).toEqual([]);
  });
});
