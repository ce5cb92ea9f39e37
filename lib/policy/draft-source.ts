import { hostOf, registrableDomain } from '../classify/domain';
import type { PolicyText } from './text-input';

/**
 * The parts of a draft that describe the policy rather than declare anything: which site it is,
 * its id, and the effective date when the text states one unambiguously.
 */

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

/**
 * The registrable domain a `--site` value stands for ("https://www.Example.co.uk/privacy" →
 * "example.co.uk"), or undefined when it is not a host name: the policy's first-party domains
 * must be registrable domains so that every subdomain of the site is first party.
 */
export function siteDomainOf(site: string): string | undefined {
  let host = site.trim().toLowerCase();
  if (host.includes('://')) host = hostOf(host);
  host = host.replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (!DOMAIN.test(host)) return undefined;
  const domain = registrableDomain(host);
  return DOMAIN.test(domain) ? domain : undefined;
}

/** A policy id from a domain: `example.co.uk` → `example-co-uk`. */
export function policyIdOf(domain: string): string {
  return domain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'policy';
}

/** The first label of the site's domain ("inbenta"), the way policies name their own company. */
export function siteLabelOf(domain: string): string {
  return domain.split('.')[0] ?? domain;
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE_LABEL = /\b(?:effective(?:\s+date)?|last\s+(?:updated|revised|modified)|updated)\b(?:\s+on)?\s*:?\s*(.{0,40})/i;

/**
 * The effective date as YYYY-MM-DD when the text labels one ("Effective date: March 3, 2024",
 * "Last updated 2024-03-03"). Numeric dates such as 02/04/2015 are left out: February 4 in the
 * United States, 2 April elsewhere, and a wrong date is worse than none in a file a reviewer signs.
 */
export function effectiveDateOf(text: PolicyText): string | undefined {
  const paragraphs = text.sections.flatMap((s) => s.paragraphs).slice(0, 30);
  for (const paragraph of paragraphs) {
    const labelled = DATE_LABEL.exec(paragraph)?.[1];
    const date = labelled === undefined ? undefined : parseWrittenDate(labelled);
    if (date) return date;
  }
  return undefined;
}

function parseWrittenDate(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (monthFirst) return validDate(Number(monthFirst[3]), monthNumber(monthFirst[1]!), Number(monthFirst[2]));
  const dayFirst = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (dayFirst) return validDate(Number(dayFirst[3]), monthNumber(dayFirst[2]!), Number(dayFirst[1]));
  return undefined;
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;
}

function validDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
