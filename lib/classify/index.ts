/**
 * lib/classify answers "who is this host?": host → registrable domain → first or third party →
 * organization and category, from the site's policy, our built-in map, then (optionally)
 * Ghostery's trackerdb.
 *
 *   const trackerDb = await loadTrackerDbForNode(process.env);   // from './trackerdb-node', Node only
 *   const { classify } = createClassifier({ siteDomains: ['example.com'], policyParties, trackerDb });
 *   classify('stats.g.doubleclick.net'); // → { organization: 'Google', category: 'advertising', source: 'builtin', … }
 *
 * trackerdb is deliberately not re-exported here (only its type), so importing this module never
 * pulls it into a bundle; see trackerdb-source.ts.
 */
export { Attribution, AttributionSourceName } from './attribution';
export { BuiltinOrganization, BuiltinService, OperatedDomain } from './builtin-schema';
export {
  createBuiltinSource,
  findOrganization,
  indexBuiltinDomains,
  listOrganizations,
  normalizeOrganizationName,
} from './builtin-source';
export { TrackerCategory } from './category';
export { createClassifier, type Classifier, type ClassifierOptions } from './classifier';
export { hostOf, isFirstParty, normalizeHost, registrableDomain } from './domain';
export { createPolicySource, normalizeDeclaredDomain, type PolicyParty } from './policy-source';
export type { AttributionSource, SourceMatch } from './source';
export type { TrackerDbSource } from './trackerdb-source';
