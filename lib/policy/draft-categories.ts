import { phrases, type Term } from './draft-vocabulary';
import type { PolicyCategory } from './schema';

/**
 * The generic kinds of recipient, as policies phrase them, mapped onto the schema's closed set of
 * categories. A sentence may describe several ("analytics or service providers" is two).
 */

const CATEGORY_TERMS: readonly Term<PolicyCategory>[] = [
  {
    pattern: phrases([
      'analytics (?:(?:or|and) [\\w-]+ )?(?:service )?(?:providers?|partners?|services?|companies|vendors|tools)',
      '(?:audience|traffic|web) measurement (?:companies|services?|firms|providers?|partners)',
      '(?:for|of) (?:app|web|site|mobile|website) analytics', 'web analytics', 'statistics services?',
    ]),
    values: ['analytics-providers'],
  },
  {
    // An internet service provider is the visitor's, not the site's.
    pattern: phrases([
      '(?<!internet )service providers?', 'companies (?:that|who|which) (?:help us )?provide (?:our )?services?',
      '(?:companies|third parties|vendors) (?:that|who|which) perform (?:[\\w-]+ )*?services', '(?:third[\\s-]party )?vendors',
      '(?:sub-?)?processors', 'contractors', 'agencies (?:that|who|which) (?:process|handle|help)',
      '(?:operated|performed|provided|sent|handled|processed|managed|distributed|delivered|carried out|acting|act|work(?:ing)?) on (?:our|its) behalf',
    ]),
    values: ['service-providers'],
  },
  {
    pattern: phrases([
      'advertis(?:ing|ement) (?:partners?|networks?|companies|providers?|vendors|services)',
      'ad (?:networks?|partners?|servers?|serving|tech(?:nology)? companies)', 'advertisers', 'media agenc(?:y|ies)',
      '(?:display|serve|serving|show|deliver|manage|target|measure)(?: and (?:display|serve|show|deliver|manage|target|measure))? (?:our |you |relevant |targeted |interest-based )?(?:advertising|ads|advertisements)',
      '(?:ads|advertisements|adverts|banners) (?:[\\w-]+ ){0,6}(?:are |is )?(?:served|delivered|placed|provided) by',
    ]),
    values: ['advertising-partners'],
  },
  {
    pattern: phrases([
      'social (?:media|network(?:ing)?) (?:features?|widgets?|buttons?|plug-?ins?|platforms?|networks?|sites|services)',
      'social (?:plug-?ins?|widgets?|buttons?|sharing|networks?)', 'sharing buttons',
    ]),
    values: ['social-media-features'],
  },
  {
    pattern: phrases([
      'partners? (?:to|that|who|which) provides? (?:certain )?features', 'partner to provide (?:certain )?features',
      '(?:features?|functionality) (?:provided|offered|run|operated) by (?:other|third[\\s-]party|external) (?:companies|providers|parties)',
    ]),
    values: ['feature-partners'],
  },
  {
    pattern: phrases([
      'affiliates', 'affiliated (?:companies|entities)', 'our affiliate(?! (?:program|programme|network|marketing|links?|partners?|sites?))',
      'group companies', 'group of companies', 'parent company', 'subsidiar(?:y|ies)', 'sister (?:companies|publications|sites)',
      'members of the [\\w\\s-]{0,40}group',
    ]),
    values: ['affiliates'],
  },
  {
    pattern: phrases([
      'payment (?:processors?|processing|providers?|partners?|services?|gateways?|companies|platforms?)',
      'companies (?:that|who|which) process (?:our |your )?payments', '(?:card|credit card) processors?', 'acquiring bank',
      '(?:payments?|purchases?|transactions?) (?:[\\w-]+ ){0,5}(?:are |is )?(?:processed|handled|collected|completed|authori[sz]ed|billed) (?:[\\w\'’,-]+ ){0,6}(?:by|through)',
      'billed through',
    ]),
    values: ['payment-processors'],
  },
  {
    pattern: phrases([
      '(?:web |cloud )?hosting (?:providers?|compan(?:y|ies)|services?|partners?)', 'web hosts?', 'cloud hosting',
      'content delivery networks?', 'CDNs?', '(?:is|are) hosted', 'host(?:s|ing)? (?:the|our) (?:site|website|web site|servers?|services?|data)',
      'data cent(?:er|re)s? (?:providers?|operators?)', 'servers? (?:rented|leased|provided|operated|hosted|run) (?:from|by)',
    ]),
    values: ['hosting-providers'],
  },
  {
    pattern: phrases([
      'customer (?:support|service|care) (?:tools?|providers?|platforms?|software|vendors?|cent(?:er|re)s?|companies|partners?|messaging|outsourc\\w+)',
      'help ?desks?', 'live chat', 'support (?:tools?|software|platforms?|chat|ticket(?:s|ing)?)',
      'customer (?:support|service|care) (?:[\\w-]+ ){0,6}(?:using|uses|via|through|powered by|provided by)',
    ]),
    values: ['customer-support'],
  },
];

/** "vendors who perform services for us (for example, data storage and customer service)". */
const SUPPORT_BY_OTHERS = /\b(?:vendors|providers|companies|contractors|third parties)\b[^.]{0,120}\bcustomer (?:service|support|care)\b/i;

/** "Subscriptions … are processed by Braintree, which receives your card details". */
const PROCESSED_BY = /\b(?:processed|handled|authori[sz]ed) (?:by|through)\b/i;
const CARD_DATA = /\b(?:card|billing|payment) (?:details|numbers?|information|data)\b/i;

export function categoriesIn(sentence: string): PolicyCategory[] {
  const found = CATEGORY_TERMS.filter((t) => t.pattern.test(sentence)).flatMap((t) => t.values);
  if (SUPPORT_BY_OTHERS.test(sentence)) found.push('customer-support');
  if (PROCESSED_BY.test(sentence) && CARD_DATA.test(sentence)) found.push('payment-processors');
  return [...new Set(found)];
}

/** The kind of party a section heading or a sentence's purpose points to, for unnamed third parties. */
const PURPOSE_CATEGORIES: readonly Term<PolicyCategory>[] = [
  { pattern: /\badvertis|\bads\b|\bmarketing\b/i, values: ['advertising-partners'] },
  { pattern: /\banalytic|\banaly[sz]|\bstatistic|\bmeasure/i, values: ['analytics-providers'] },
  { pattern: /\bsocial\b/i, values: ['social-media-features'] },
  { pattern: /\bfeatures?\b|\bfunctionalit/i, values: ['feature-partners'] },
  { pattern: /\bpayments?\b|\bbilling\b|\bcheckout\b/i, values: ['payment-processors'] },
  { pattern: /\bhosting\b/i, values: ['hosting-providers'] },
  { pattern: /\bcustomer (?:support|service|care)\b|\bhelp ?desk/i, values: ['customer-support'] },
];

/** The first category a text (a heading, a sentence) points to by purpose, if any. */
export function purposeCategoryOf(text: string): PolicyCategory | undefined {
  return PURPOSE_CATEGORIES.find((t) => t.pattern.test(text))?.values[0];
}
