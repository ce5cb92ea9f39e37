import type { PolicyInput } from '../policy/schema';
import { parsePolicy } from '../policy/parse';

/**
 * The starting point of a policy drafted by hand in the options page: valid in shape, with one
 * placeholder declaration whose quote the reviewer replaces with words from the pasted text
 * (saving checks every quote against it).
 *
 * TODO(policy extractor): when lib/policy/draft*.ts (text → draft declarations, another
 * engineer's work) lands, fill `declarations` from it instead of the placeholder.
 */
export function draftSkeleton({ site, title, url }: { site: string; title?: string; url?: string }): PolicyInput {
  const domain = site.trim().toLowerCase() || 'example.com';
  return {
    id: slugOf(domain),
    site: { name: domain, firstPartyDomains: [domain] },
    source: { title: title?.trim() || `Privacy policy of ${domain}`, url: url?.trim() || `https://${domain}/privacy` },
    declarations: [
      {
        id: 'c1',
        clause: { section: 'Replace with the section heading', quote: 'Replace with an exact sentence from the policy text.' },
        parties: [],
        categories: [],
        technologies: ['cookie'],
        appliesTo: 'first-party',
      },
    ],
  };
}

/** A policy id from a domain: `www.example.co.uk` → `example-co-uk`. */
export function slugOf(domain: string): string {
  return (
    domain
      .replace(/^www\./, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'policy'
  );
}

/** JSON text for the editor, or a one-line error naming the file. */
export function parseJsonText(text: string, file: string): { ok: true; json: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `${file}: not valid JSON: ${(error as Error).message.split('\n')[0]}` };
  }
}

/**
 * What saving would say, before saving: the same parsePolicy the background runs, with the quote
 * check against the pasted text when there is one. One line naming the file, field and problem.
 */
export function checkDraft(jsonText: string, file: string, sourceText: string): { ok: true; id: string } | { ok: false; error: string } {
  const parsed = parseJsonText(jsonText, file);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, id: parsePolicy(parsed.json, file, sourceText.trim() ? sourceText : undefined).id };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
