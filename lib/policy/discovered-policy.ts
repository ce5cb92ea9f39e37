import { draftPolicy } from './draft';
import type { PolicyPageKind } from './discover-links';
import { MAX_POLICY_CHARS, type PageTextResult } from './page-text';
import type { PolicyInput } from './schema';

/** Languages the draft reader reads; a page declaring another is reported, not drafted from. */
const READ_LANGUAGES = /^en(?:-|$)/;

export type PageTextProblem = { outcome: 'not-html' | 'too-large' | 'login-wall' | 'language' | 'no-declarations'; detail: string };

/**
 * Why a page read as text is not a policy to draft from, or undefined when it is one. The CLI and
 * the extension report the same outcome for the same page.
 */
export function pageTextProblem(read: PageTextResult): PageTextProblem | undefined {
  if (read.contentType && !/^(?:text\/html|application\/xhtml\+xml)/i.test(read.contentType)) return { outcome: 'not-html', detail: read.contentType };
  if (read.pageChars > MAX_POLICY_CHARS) return { outcome: 'too-large', detail: `${read.pageChars.toLocaleString('en-US')} characters of text` };
  if (read.loginWall) return { outcome: 'login-wall', detail: 'a sign-in form and little text' };
  if (read.lang && !READ_LANGUAGES.test(read.lang)) return { outcome: 'language', detail: `the page is in "${read.lang}"; drafts are read from English text` };
  if (read.markdown.trim().length < 200) return { outcome: 'no-declarations', detail: 'the page has almost no text' };
  return undefined;
}

/** A policy page as the browser rendered it and page-text.ts read it. */
export interface PolicyPageText {
  url: string;
  kind: PolicyPageKind;
  title: string;
  markdown: string;
}

/**
 * One draft from the site's policy pages: the privacy policy and, where the site has one, its
 * cookie policy, their declarations numbered in reading order (d1, d2, … across both). Pure: the
 * CLI and the extension draft the same policy from the same pages.
 */
export function draftFromPolicyPages(pages: readonly PolicyPageText[], site: string): PolicyInput {
  const ordered = [...pages].sort((a, b) => rank(a.kind) - rank(b.kind));
  const first = ordered[0];
  if (!first) throw new Error('no policy page to draft from');
  const drafts = ordered.map((page) => draftPolicy(page.markdown, 'markdown', { site, title: page.title, url: page.url }).policy);
  const declarations = drafts.flatMap((draft, index) =>
    draft.declarations.map((declaration) => ({
      ...declaration,
      // Which page a clause is on, so a reviewer can find it: the section alone is ambiguous.
      clause: { ...declaration.clause, section: sectionOn(declaration.clause.section, ordered[index]!, ordered.length) },
    })),
  );
  return {
    ...drafts[0]!,
    declarations: declarations.map((declaration, index) => ({ ...declaration, id: `d${index + 1}` })),
  };
}

function rank(kind: PolicyPageKind): number {
  return kind === 'privacy' ? 0 : 1;
}

function sectionOn(section: string, page: PolicyPageText, pageCount: number): string {
  if (pageCount < 2) return section;
  return `${page.kind === 'cookie' ? 'Cookie policy' : 'Privacy policy'}: ${section}`;
}
