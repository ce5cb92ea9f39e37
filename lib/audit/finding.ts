import { z } from 'zod';
import { ObservationKind } from '../observe/observation';

/**
 * How the policy treats one third party for one kind of evidence.
 * `unreviewed` is used when no policy was applied to the run.
 */
export const FindingStatus = z.enum([
  'undisclosed',
  'technology-not-disclosed',
  'disclosed-by-category',
  'disclosed',
  'first-party',
  'unreviewed',
]);
export type FindingStatus = z.infer<typeof FindingStatus>;

export const Finding = z.object({
  id: z.string().min(1),
  /** Organization name when known, else the registrable domain. */
  subject: z.string(),
  organization: z.string().optional(),
  /** Registrable domains (eTLD+1) the evidence came from. */
  domains: z.array(z.string()),
  category: z.string().optional(),
  kinds: z.array(ObservationKind),
  status: FindingStatus,
  clauseIds: z.array(z.string()),
  observationIds: z.array(z.string()),
});
export type Finding = z.infer<typeof Finding>;
