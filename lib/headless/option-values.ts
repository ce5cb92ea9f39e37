/** The closed sets of values the CLI accepts, shared by the parser, the help text and the run. */

export const CONSENT_STATES = ['none', 'accept', 'reject'] as const;
/** none: the banner is left alone (what fires before consent); accept / reject: autoconsent clicks. */
export type ConsentState = (typeof CONSENT_STATES)[number];

export const OUTPUT_FORMATS = ['json', 'csv', 'html', 'junit', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const FAIL_ON_LEVELS = ['undisclosed', 'by-category', 'none'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];
