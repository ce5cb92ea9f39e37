import { describe, expect, it } from 'vitest';
import { loadTrackerDbOrganizations } from '../../lib/classify/trackerdb-organizations';
import { withKnownDomains } from '../../lib/policy/party-domains';
import { Policy, type PolicyInput } from '../../lib/policy/schema';

const draft = (parties: { name: string; domains?: string[] }[]): PolicyInput => ({
  id: 'shop',
  site: { name: 'shop.test', firstPartyDomains: ['shop.test'] },
  source: { title: 'Privacy policy', url: 'https://shop.test/privacy' },
  declarations: [{ id: 'd1', clause: { section: 'Ads', quote: 'Ads are served by Zenovia and Northwind Couriers.' }, parties, technologies: ['cookie'] }],
});

describe('parties named only in words get the domains trackerdb knows for the name', () => {
  it('finds an ad server our map does not know, and leaves unknown companies and listed domains alone', async () => {
    const byName = await loadTrackerDbOrganizations();
    const enriched = withKnownDomains(draft([{ name: 'Zenovia' }, { name: 'Northwind Couriers' }, { name: 'Google', domains: ['google.com'] }]), byName);
    const [zenovia, courier, google] = enriched.declarations[0]!.parties!;
    expect(zenovia!.domains).toContain('rtbidder.net');
    expect(zenovia!.organization).toBe('Zenovia');
    expect(courier!.domains).toBeUndefined();
    expect(google!.domains).toEqual(['google.com']);
    expect(enriched.declarations[0]!.note).toContain('from trackerdb');
    expect(Policy.safeParse(enriched).success).toBe(true);
  });

  it('does not take short names for companies', async () => {
    const byName = await loadTrackerDbOrganizations();
    expect(byName('AT')).toBeUndefined();
    expect(byName('Inc.')).toBeUndefined();
  });
});
