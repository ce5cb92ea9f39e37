import { z } from 'zod';
import { Technology } from '../model/technology';
import { isOneCookieName } from './cookie-name';

/**
 * A site's privacy policy, reduced to what an audit can check: which parties and which categories
 * of party it says may use which tracking technologies, each backed by an exact quote.
 * Policy files live in `policy/*.policy.json`; `policy/policy.schema.json` is generated from here.
 */

export { Technology } from '../model/technology';

/**
 * The generic kinds of party a policy can speak of without naming anyone. Kept small and closed so
 * tracker categories can be mapped onto it (lib/audit/categories.ts). A phrase like "analytics or
 * service providers" is two categories, not a third one.
 */
export const PolicyCategory = z
  .enum([
    'analytics-providers',
    'advertising-partners',
    'social-media-features',
    'feature-partners',
    'service-providers',
    'affiliates',
    'payment-processors',
    'hosting-providers',
    'customer-support',
  ])
  .describe(
    'analytics-providers: site analytics. advertising-partners: ad networks showing or targeting ads. ' +
      'social-media-features: share/like buttons and social widgets. feature-partners: third parties providing ' +
      'features on the site (chat, video, maps). service-providers: companies working for the site (hosting, ' +
      'CDN, customer service, consent). affiliates: companies under common ownership with the site owner. ' +
      'payment-processors: companies that take or process payments. hosting-providers: hosting, cloud and ' +
      'content delivery networks. customer-support: help desks, live chat and support tools.',
  );
export type PolicyCategory = z.infer<typeof PolicyCategory>;

/** Lowercase host names; a party domain also covers its subdomains. */
const Domain = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/, {
    message: 'must be a lowercase host name such as "example.com"',
  });

const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be lowercase letters, digits and dashes' });

export const PolicyParty = z
  .strictObject({
    name: z.string().min(1).describe('As the policy names it ("Google", "Facebook").'),
    domains: z
      .array(Domain)
      .optional()
      .describe('Hosts the party serves from, subdomains included. They take precedence over any tracker database.'),
    organization: z
      .string()
      .min(1)
      .optional()
      .describe('The organization\'s name in the tracker database when it differs from name ("Meta" for Facebook).'),
  })
  .describe('A party the policy names.');
export type PolicyParty = z.infer<typeof PolicyParty>;

export const Clause = z.strictObject({
  section: z.string().min(1).describe('Heading of the section the quote sits under.'),
  quote: z
    .string()
    .min(1)
    .describe('Exact words from the policy text; only whitespace, quote style and markdown syntax may differ.'),
});
export type Clause = z.infer<typeof Clause>;

export const DeclaredLifetime = z
  .strictObject({
    maxAgeSeconds: z
      .union([z.number().int().nonnegative(), z.null(), z.literal('session').transform(() => null)], {
        error: (issue) => `${JSON.stringify(issue.input)} is not a whole number of seconds, null or "session"`,
      })
      .optional()
      .describe(
        'The declared lifetime in seconds; null (or "session") for a session cookie; absent when the words give no length ("Persistent").',
      ),
    lifetimeText: z.string().min(1).describe('The lifetime as the policy writes it ("2 years", "Session").'),
  })
  .describe('How long the policy says the cookie lives.');
export type DeclaredLifetime = z.infer<typeof DeclaredLifetime>;

export const DeclaredCookie = z
  .strictObject({
    name: z
      .string()
      .refine(isOneCookieName, {
        error: (issue) =>
          `${JSON.stringify(issue.input)} is not one cookie name or pattern such as "_ga", "_ga_*" or "_gat_<id>": ` +
          'list each cookie on its own',
      })
      .describe(
        'The cookie name as the policy writes it. `*`, a placeholder in brackets (`<id>`, `[id]`, `{id}`), a run of x ' +
          '(`xxxx`) or an ellipsis stand for any characters: `_ga_*`, `_gat_<id>`, `__utm*`.',
      ),
    provider: z.string().min(1).optional().describe('Who sets it, as the policy writes it.'),
    purpose: z.string().min(1).optional().describe('What the policy says it is for.'),
    lifetime: DeclaredLifetime.optional(),
  })
  .describe('A cookie the policy lists by name (a row of a cookie table).');
export type DeclaredCookie = z.infer<typeof DeclaredCookie>;

export const Declaration = z
  .strictObject({
    id: Slug.describe('Stable id findings cite, e.g. "c3".'),
    clause: Clause,
    parties: z.array(PolicyParty).default([]).describe('Parties the clause names.'),
    categories: z.array(PolicyCategory).default([]).describe('Generic kinds of party the clause covers.'),
    technologies: z.array(Technology).min(1),
    appliesTo: z
      .enum(['first-party', 'third-party', 'both'])
      .default('third-party')
      .describe('Who the clause is about; third parties when absent.'),
    cookies: z
      .array(DeclaredCookie)
      .optional()
      .describe('Cookies the clause lists by name; an observed cookie of its parties with such a name cites this clause.'),
    note: z.string().optional().describe('Why the clause was encoded this way, where reading it took judgement.'),
  })
  .superRefine((d, ctx) => {
    if (d.cookies?.length && !d.technologies.includes('cookie')) {
      ctx.addIssue({ code: 'custom', path: ['technologies'], message: 'lists cookies by name, so it must include "cookie"' });
    }
    if (d.appliesTo !== 'first-party' && d.parties.length === 0 && d.categories.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['parties'],
        message: 'names no party and no category; set appliesTo "first-party" if the clause is about the site itself',
      });
    }
  });
export type Declaration = z.infer<typeof Declaration>;

export const Policy = z
  .strictObject({
    $schema: z.string().optional(),
    id: Slug,
    site: z.strictObject({
      name: z.string().min(1),
      firstPartyDomains: z
        .array(Domain)
        .min(1)
        .describe('Registrable domains of the site; their subdomains are first party too.'),
    }),
    source: z.strictObject({
      title: z.string().min(1),
      url: z.url(),
      archiveUrl: z.url().optional().describe('Archived copy the text was taken from, when the live page changed.'),
      effectiveDate: z.iso.date().optional(),
      textFile: z
        .string()
        .min(1)
        .optional()
        .describe('The policy text the quotes come from, relative to the policy file or the repository root.'),
    }),
    declarations: z.array(Declaration).min(1),
  })
  .superRefine((policy, ctx) => {
    const firstIndex = new Map<string, number>();
    policy.declarations.forEach((d, index) => {
      const earlier = firstIndex.get(d.id);
      if (earlier === undefined) firstIndex.set(d.id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['declarations', index, 'id'],
          message: `"${d.id}" is already used by declarations[${earlier}]`,
        });
      }
    });
  });
export type Policy = z.infer<typeof Policy>;
export type PolicyInput = z.input<typeof Policy>;

/** The JSON Schema policy authors' editors validate against; `policy/policy.schema.json` holds this text. */
export function policyJsonSchemaText(): string {
  const schema = z.toJSONSchema(Policy, { io: 'input', target: 'draft-2020-12' });
  const withTitle = {
    $schema: schema.$schema,
    $id: 'policy.schema.json',
    title: 'Privacy policy declarations (Policy vs. Trackers Auditor)',
    description: 'Generated from lib/policy/schema.ts by `npx tsx lib/policy/write-json-schema.ts`; do not edit.',
    ...schema,
  };
  return `${JSON.stringify(withTitle, null, 2)}\n`;
}
