import type { PolicyInput } from '../policy/schema';
import { draftDeclarations } from '../policy/draft';
import { siteDomainOf, siteLabelOf } from '../policy/draft-source';
import { parsePolicy } from '../policy/parse';
import { quoteAppearsIn } from '../policy/quote';
import { guessPolicyTextFormat, readPolicyText } from '../policy/text-input';

/**
 * The starting point of a policy drafted in the options page: valid in shape, with the
 * declarations lib/policy/draft.ts finds in the pasted text (each noted "draft: review"), or one
 * placeholder declaration whose quote the reviewer replaces when there is no text or it declares
 * nothing (saving checks every quote against the text).
 */
export function draftSkeleton({ site, title, url, text }: { site: string; title?: string; url?: string; text?: string }): PolicyInput {
  const domain = site.trim().toLowerCase() || 'example.com';
  return {
    id: slugOf(domain),
    site: { name: domain, firstPartyDomains: [domain] },
    source: { title: title?.trim() || `Privacy policy of ${domain}`, url: url?.trim() || `https://${domain}/privacy` },
    declarations: declarationsFrom(text, domain) ?? [
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

/**
 * Drafted declarations, or undefined when there are none. Saving checks quotes against the text
 * as pasted, so a declaration whose quote only the converted text has (HTML pasted with entities
 * inside a sentence) is left out rather than offered in a draft that cannot be saved.
 */
function declarationsFrom(text: string | undefined, domain: string): PolicyInput['declarations'] | undefined {
  if (!text?.trim()) return undefined;
  const siteName = siteLabelOf(siteDomainOf(domain) ?? domain);
  const declarations = draftDeclarations(readPolicyText(text, guessPolicyTextFormat(text)), { siteName }).filter((d) =>
    quoteAppearsIn(d.clause.quote, text),
  );
  return declarations.length > 0 ? declarations : undefined;
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
