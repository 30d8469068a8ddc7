import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateNested } from 'class-validator';
import { RULE_ID, RULE_ID_MESSAGE, STRICT_DATE } from './vocabulary';

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** The decision the rules come from (NA: 108/2006/QĐ-UBND, LC: 07/2006/QĐ-UBND). */
export class LegalBasis {
  /** Number/symbol of the decision, e.g. `07/2006/QĐ-UBND`. */
  @IsString() @MinLength(3) document!: string;
  @IsISO8601(STRICT_DATE, { message: 'signedOn must be a date (YYYY-MM-DD)' }) signedOn!: string;
  @IsInt() @Min(0) @Max(365) inForceAfterDays!: number;
}

/** A sub-site that also answers on a host name of its own (its path under the portal stays). */
export class SubsiteDomain {
  /** The unit whose sub-site it is: a unit of units.yaml whose kind has a sub-site. */
  @Matches(RULE_ID, { message: `unit ${RULE_ID_MESSAGE}` }) unit!: string;
  @Matches(HOST_NAME, { message: 'domain must be a lower-case host name (e.g. soyte.laocai.gov.vn)' }) domain!: string;
}

export class Portal {
  @IsString() @MinLength(3) title!: string;
  /** Host names the portal answers on; the first is the primary one. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique()
  @Matches(HOST_NAME, { each: true, message: 'domains must be lower-case host names (e.g. laocai.gov.vn)' })
  domains!: string[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SubsiteDomain) subsiteDomains?: SubsiteDomain[];
}
