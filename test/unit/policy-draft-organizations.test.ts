import { describe, expect, it } from 'vitest';
import { listOrganizations } from '../../lib/classify/index';
import { draftDeclarations } from '../../lib/policy/draft';
import { createOrganizationFinder, partyOf } from '../../lib/policy/draft-organizations';
import { PolicyParty } from '../../lib/policy/schema';
import { readPolicyText } from '../../lib/policy/text-input';

const find = createOrganizationFinder();
const names = (sentence: string) => find(sentence).map((m) => `${m.party.name} → ${m.party.organization}`);

describe('organizations named in running text', () => {
  it.each([
    ['We use cookies as described in Section X of our terms.', []],
    ['Option X lets you choose; plan X is free.', []],
    ['We share data with X Corp and its affiliates.', ['X Corp → X (Twitter)']],
    ['Our Twitter and Facebook buttons load scripts.', ['Twitter → X (Twitter)', 'Facebook → Meta']],
    ["TRUSTe's seal and the Truste program.", ['TRUSTe → TrustArc']],
    ['Certified by TrustArc (formerly Truste).', ['TrustArc → TrustArc', 'TRUSTe → TrustArc']],
  ])('%s', (sentence, expected) => {
    expect(names(sentence)).toEqual(expected);
  });

  it('reads ordinary words as companies only in their own spelling, inside a sentence', () => {
    expect(names('Segment the audience by country before sending.')).toEqual([]);
    expect(names('We send page events to Segment and Amplitude.')).toEqual(['Segment → Segment', 'Amplitude → Amplitude']);
    expect(names('Each segment of the site uses cookies.')).toEqual([]);
    expect(names('Drift sets a cookie.')).toEqual([]);
    expect(names('Our chat is provided by Drift.')).toEqual(['Drift → Drift']);
    expect(names('The EU Cookie Law requires consent.')).toEqual([]);
  });

  it('accepts another capitalization of a distinctive name, never of a lower-case word or acronym', () => {
    expect(names('Emails sent through Hubspot and Linkedin.')).toEqual(['HubSpot → HubSpot', 'LinkedIn → LinkedIn']);
    expect(names('we use hubspot for email.')).toEqual([]);
    expect(names('WE SHARE DATA WITH GOOGLE ANALYTICS.')).toEqual(['Google Analytics → Google']);
    expect(names('THESE TERMS APPLY IN LINE WITH THE LAW OF YOUR COUNTRY.')).toEqual([]);
    expect(names('Messages through LINE are kept.')).toEqual(['LINE → LINE']);
  });

  it('reads a CamelCase brand written as two words only before a widget noun', () => {
    expect(names('Widgets, such as the Share this button, run on our site.')).toEqual(['ShareThis → ShareThis']);
    expect(names('Please Share this page with friends.')).toEqual([]);
    expect(names('Share this button with friends.')).toEqual([]);
  });

  it('ignores names inside addresses: the domains already stand for the party', () => {
    expect(names('See https://www.Google.com/policies and privacy@Hotjar.com or Google.com.')).toEqual([]);
    expect(names('Google.')).toEqual(['Google → Google']);
  });

  it('prefers the longest name, and records a product with its own domains', () => {
    const [analytics] = find('We use Google Analytics.');
    expect(analytics!.party).toEqual({
      name: 'Google Analytics',
      organization: 'Google',
      domains: ['google-analytics.com', 'analytics.google.com'],
    });
    const [google] = find('Google receives your IP address.');
    expect(google!.party.domains).toEqual(expect.arrayContaining(['google.com', 'doubleclick.net', 'youtube.com']));
    // A subdomain of a listed domain adds nothing.
    expect(google!.party.domains).not.toContain('analytics.google.com');
  });

  it('gives every built-in organization a party the policy schema accepts', () => {
    for (const organization of listOrganizations()) {
      const party = partyOf({ canonical: organization.name, organization });
      expect(PolicyParty.safeParse(party).success, organization.id).toBe(true);
    }
  });

  it('drafts no Twitter declaration from "X" in a policy', () => {
    const text = readPolicyText('## Cookies\n\nAs Section X explains, we use cookies. Twitter X is not a thing here.', 'markdown');
    const declarations = draftDeclarations(text);
    expect(declarations.flatMap((d) => d.parties ?? [])).toEqual([
      expect.objectContaining({ name: 'Twitter' }),
    ]);
    const onlyX = draftDeclarations(readPolicyText('As Section X explains, we and X use cookies.', 'markdown'));
    expect(onlyX).toEqual([expect.objectContaining({ parties: [], appliesTo: 'first-party' })]);
  });
});
