/**
 * The closed vocabularies rule files draw on. They name things the platform's code acts on
 * (content types it stores, roles its guards check, periods the compliance engine computes), so a
 * province chooses among them but cannot invent new ones without a code change.
 */

/** Requirement IDs of the provincial decisions (`NA-8.2`, `LC-2.3a`, `NA-7.2a-c`). */
export const REQUIREMENT_ID = /^[A-Z]{2}-[0-9]+(\.[0-9]+)*[a-z]?(-[a-z])?$/;
/** Ids of rules, states, genres, units: lower-case, digits and "-", readable in URLs and logs. */
export const RULE_ID = /^[a-z][a-z0-9-]{0,62}$/;
/** Follows the key it is about: "`id` phải gồm chữ thường …". */
export const RULE_ID_MESSAGE = 'phải gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ weekly-posts)';
export const STRICT_DATE = { strict: true, strictSeparator: true };

export const UNIT_KINDS = [
  'province',
  'department',
  'board',
  'sector',
  'district',
  'city',
  'town',
  'commune',
  'union',
  'political-social-organisation',
  'public-service-unit',
  'enterprise',
  'press',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CONTENT_TYPES = [
  'news',
  'announcement',
  'report',
  'page',
  'procedure',
  'legal_document',
  'thematic',
  'faq',
  'investment_project',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Where an item appears: the unit's own sub-site (chuyên trang) or the provincial portal. */
export const CHANNELS = ['subsite', 'portal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PERIODS = ['week', 'month', 'quarter', 'half-year', 'year'] as const;
export type Period = (typeof PERIODS)[number];
/** Reports and scoring are not weekly in either decision; a week is too short to report on. */
export const REPORT_PERIODS = ['month', 'quarter', 'half-year', 'year'] as const;

/** The roles accounts can hold (the accounts issue defines what each may do). */
export const ROLES = ['national_operator', 'tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'] as const;
export type Role = (typeof ROLES)[number];

/** Date fields that can start a deadline's clock, per content type (the content issue stores them). */
export const CLOCK_FIELDS: Readonly<Partial<Record<ContentType, readonly string[]>>> = {
  legal_document: ['issuedOn', 'effectiveFrom'],
  announcement: ['issuedOn'],
  // `receivedOn`: the day a citizen's question arrived (libs/citizens); its answer is the faq item.
  faq: ['askedOn', 'receivedOn'],
  procedure: ['issuedOn', 'effectiveFrom'],
};

/** The clock of citizens' questions: a faq deadline from it is judged on the questions, not on items. */
export const QUESTION_CLOCK = 'receivedOn';

/** What a workflow state means to the rest of the platform (publishing, queues, public reads). */
export const STATE_PHASES = ['editing', 'review', 'scheduled', 'published', 'withdrawn', 'archived'] as const;
export type StatePhase = (typeof STATE_PHASES)[number];
