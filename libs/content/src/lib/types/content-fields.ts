import { CALENDAR_DATE, ContentType } from '@cong/rules';
import type { MediaKind } from '../media/media-asset.entity';
import { FieldProblem, fieldProblems } from '@cong/platform-errors';
import { instanceToPlain, plainToInstance, Type } from 'class-transformer';
import { FieldNote } from './field-note';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  validateSync,
} from 'class-validator';

const DATE = { strict: true, strictSeparator: true };
const dateMessage = (_field?: string) => ({ message: 'Phải là một ngày (định dạng YYYY-MM-DD).' });

/**
 * A file the item links to (a form, a decision's scan): an upload of the province (`media`, its id;
 * the saved item then also carries the upload's public `url`), or a file elsewhere (`url`).
 */
@FieldNote('a file, `{name, media}` or `{name, url}`')
export class FileRef {
  @IsString() @MinLength(2) @MaxLength(300) name!: string;
  @ValidateIf((f: FileRef) => f.media === undefined)
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'Phải là địa chỉ http(s) (hoặc chọn một tệp đã tải lên).' })
  url?: string;
  @IsOptional() @IsUUID('all', { message: 'Phải là mã của một tệp đã tải lên.' }) media?: string;
}

/** News, announcements, reports, thematic pieces (NA-5.2, NA-5.5): the body carries the text. */
class ArticleFields {
  @IsOptional() @IsString() @MaxLength(200) author?: string;
  @IsOptional() @IsString() @MaxLength(300) source?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FileRef) attachments?: FileRef[];
}

export const PAGE_KINDS = [
  'introduction',
  'functions-and-duties',
  'organisation-structure',
  'development-plan',
  'natural-social-conditions',
  'development-orientation',
  'other',
] as const;

/** A standing page of a sub-site (LC-2.1.1a, LC-2.1.2, NA-5.1). */
class PageFields {
  @IsIn(PAGE_KINDS, { message: `Phải là một trong: ${PAGE_KINDS.join(', ')}.` }) pageKind!: string;
  /** The organisation chart of an organisation-structure page. */
  @IsOptional() @ValidateNested() @Type(() => FileRef) chartImage?: FileRef;
}

class ProcedureStep {
  @IsString() @MinLength(2) @MaxLength(300) title!: string;
  @IsOptional() @IsString() @MaxLength(5000) description?: string;
}

class DossierComponent {
  @IsString() @MinLength(2) @MaxLength(500) name!: string;
  @IsOptional() @IsInt() @Min(0) originals?: number;
  @IsOptional() @IsInt() @Min(0) copies?: number;
}

/** An administrative procedure guide (NA-5.3, LC-2.1.1c). */
class ProcedureFields {
  @IsString() @MinLength(1) @MaxLength(50) code!: string;
  @IsString() @MinLength(2) @MaxLength(200) field!: string;
  @IsString() @MinLength(2) @MaxLength(300) implementingAgency!: string;
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProcedureStep) steps!: ProcedureStep[];
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => DossierComponent) dossierComponents!: DossierComponent[];
  @IsString() @MinLength(2) @MaxLength(200) processingTime!: string;
  @IsString() @MaxLength(500) fee!: string;
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(500, { each: true }) legalBasis!: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => FileRef) forms?: FileRef[];
}

export const LEGAL_DOCUMENT_KINDS = [
  'luat',
  'nghi-dinh',
  'quyet-dinh',
  'thong-tu',
  'chi-thi',
  'nghi-quyet',
  'cong-van',
  'ke-hoach',
  'huong-dan',
  'khac',
] as const;

/** A legal document (NA-5.4, NA-8.4; LC-2.1.1b): its status follows from its dates and replacement. */
class LegalDocumentFields {
  /** Number/symbol, e.g. `07/2006/QĐ-UBND`. */
  @FieldNote('e.g. `07/2006/QĐ-UBND`') @IsString() @MinLength(2) @MaxLength(100) number!: string;
  @IsIn(LEGAL_DOCUMENT_KINDS, { message: `Phải là một trong: ${LEGAL_DOCUMENT_KINDS.join(', ')}.` }) documentKind!: string;
  @IsString() @MinLength(2) @MaxLength(300) issuingBody!: string;
  @IsString() @MinLength(2) @MaxLength(200) signer!: string;
  @IsISO8601(DATE, dateMessage('issuedOn')) issuedOn!: string;
  @FieldNote('not before `issuedOn`') @IsISO8601(DATE, dateMessage('effectiveFrom')) effectiveFrom!: string;
  @FieldNote('after `effectiveFrom`') @IsOptional() @IsISO8601(DATE, dateMessage('expiresOn')) expiresOn?: string;
  /** The later document that replaced this one (its content item id). */
  @FieldNote('the id of the later legal document of the province that replaced it') @IsOptional() @IsUUID() replacedBy?: string;
  @IsString() @MinLength(2) @MaxLength(5000) abstract!: string;
  @IsOptional() @ValidateNested() @Type(() => FileRef) file?: FileRef;
}

/** A prepared question and answer for citizens (NA-5.6). */
class FaqFields {
  @IsString() @MinLength(5) @MaxLength(5000) question!: string;
  @IsString() @MinLength(2) @MaxLength(20000) answer!: string;
  @IsISO8601(DATE, dateMessage('askedOn')) askedOn!: string;
  @IsOptional() @IsString() @MaxLength(200) askedBy?: string;
}

/** A project calling for investment (LC-2.1.1a). */
class InvestmentProjectFields {
  @IsString() @MinLength(2) @MaxLength(300) location!: string;
  @IsString() @MinLength(2) @MaxLength(200) field!: string;
  /** Total investment, in đồng. */
  @FieldNote('đồng') @IsOptional() @IsInt() @Min(0) totalInvestment?: number;
  @IsOptional() @IsString() @MaxLength(300) investmentForm?: string;
  @IsOptional() @IsString() @MaxLength(500) contact?: string;
  @IsOptional() @IsBoolean() open?: boolean;
}

export const FIELDS_BY_TYPE: Record<ContentType, new () => object> = {
  news: ArticleFields,
  announcement: ArticleFields,
  report: ArticleFields,
  thematic: ArticleFields,
  page: PageFields,
  procedure: ProcedureFields,
  legal_document: LegalDocumentFields,
  faq: FaqFields,
  investment_project: InvestmentProjectFields,
};

/** The type's fields validated one by one; problems are named `fields.<path>`. */
export function validateFields(type: ContentType, raw: unknown): { fields: Record<string, unknown>; problems: FieldProblem[] } {
  const instance = plainToInstance(FIELDS_BY_TYPE[type], raw ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  const problems = fieldProblems(errors, 'fields');
  const checkDates = type === 'legal_document' ? legalDateOrder(instance as LegalDocumentFields) : [];
  return { fields: instanceToPlain(instance), problems: [...problems, ...checkDates] };
}

function legalDateOrder(d: LegalDocumentFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Only dates that are dates can be in the wrong order; the others were named already.
  if (![d.issuedOn, d.effectiveFrom, d.expiresOn].every((v) => v === undefined || CALENDAR_DATE.test(v))) return problems;
  if (d.issuedOn && d.effectiveFrom && d.effectiveFrom < d.issuedOn)
    problems.push({ field: 'fields.effectiveFrom', message: 'Ngày có hiệu lực không được trước ngày ban hành.' });
  if (d.effectiveFrom && d.expiresOn && d.expiresOn <= d.effectiveFrom)
    problems.push({ field: 'fields.expiresOn', message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực.' });
  return problems;
}

export const LEGAL_DOCUMENT_STATUSES = ['not_yet_effective', 'in_effect', 'expired', 'replaced'] as const;
export type LegalDocumentStatus = (typeof LEGAL_DOCUMENT_STATUSES)[number];

/** A legal document's status on `today` (the province's date): replaced wins, then its dates. */
export function legalDocumentStatus(fields: Record<string, unknown>, today: string): LegalDocumentStatus {
  if (typeof fields.replacedBy === 'string') return 'replaced';
  if (typeof fields.effectiveFrom === 'string' && today < fields.effectiveFrom) return 'not_yet_effective';
  if (typeof fields.expiresOn === 'string' && today >= fields.expiresOn) return 'expired';
  return 'in_effect';
}

/**
 * legalDocumentStatus as a SQL condition on a fields column (`fields`) and the province's date
 * (`today`, a parameter), for filtering in Postgres. The two are kept side by side so they agree.
 */
export function legalStatusCondition(status: LegalDocumentStatus, fields: string, today: string): string {
  const replaced = `coalesce(jsonb_typeof(${fields}->'replacedBy') = 'string', false)`;
  const notYet = `coalesce(${fields}->>'effectiveFrom' > ${today}, false)`;
  const expired = `coalesce(${fields}->>'expiresOn' <= ${today}, false)`;
  switch (status) {
    case 'replaced':
      return replaced;
    case 'not_yet_effective':
      return `(NOT ${replaced} AND ${notYet})`;
    case 'expired':
      return `(NOT ${replaced} AND NOT ${notYet} AND ${expired})`;
    case 'in_effect':
      return `(NOT ${replaced} AND NOT ${notYet} AND NOT ${expired})`;
  }
}

const ANY_UPLOAD: readonly MediaKind[] = ['image', 'pdf', 'word', 'excel'];

/** The kinds of upload a field of `type` may name, if it holds file references. */
export function uploadKindsOf(type: ContentType, field: string): readonly MediaKind[] | undefined {
  return FILE_SLOTS[type]?.find((slot) => slot.field === field)?.kinds;
}

/** Where each type keeps file references, and which kinds of upload each may name. */
const FILE_SLOTS: Partial<Record<ContentType, { field: string; many: boolean; kinds: readonly MediaKind[] }[]>> = {
  news: [{ field: 'attachments', many: true, kinds: ANY_UPLOAD }],
  announcement: [{ field: 'attachments', many: true, kinds: ANY_UPLOAD }],
  report: [{ field: 'attachments', many: true, kinds: ANY_UPLOAD }],
  thematic: [{ field: 'attachments', many: true, kinds: ANY_UPLOAD }],
  page: [{ field: 'chartImage', many: false, kinds: ['image'] }],
  procedure: [{ field: 'forms', many: true, kinds: ['pdf', 'word', 'excel'] }],
  legal_document: [{ field: 'file', many: false, kinds: ['pdf', 'word', 'image'] }],
};

export interface FileSlot {
  /** `fields.forms[1]`: where a problem with it is reported. */
  path: string;
  ref: { name: string; url?: string; media?: string };
  kinds: readonly MediaKind[];
}

/** The file references of validated fields, with where they are and what they may hold. */
export function fileRefsOf(type: ContentType, fields: Record<string, unknown>): FileSlot[] {
  return (FILE_SLOTS[type] ?? []).flatMap(({ field, many, kinds }) => {
    const value = fields[field];
    if (!value) return [];
    if (!many) return [{ path: `fields.${field}`, ref: value as FileSlot['ref'], kinds }];
    return (value as FileSlot['ref'][]).map((ref, i) => ({ path: `fields.${field}[${i}]`, ref, kinds }));
  });
}
