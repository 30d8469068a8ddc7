import { ArrayMinSize, ArrayUnique, IsArray, IsInt, IsISO8601, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { STRICT_DATE } from './vocabulary';

/** The decision the rules come from (NA: 108/2006/QĐ-UBND, LC: 07/2006/QĐ-UBND). */
export class LegalBasis {
  /** Number/symbol of the decision, e.g. `07/2006/QĐ-UBND`. */
  @IsString() @MinLength(3) document!: string;
  @IsISO8601(STRICT_DATE, { message: 'signedOn must be a date (YYYY-MM-DD)' }) signedOn!: string;
  @IsInt() @Min(0) @Max(365) inForceAfterDays!: number;
}

export class Portal {
  @IsString() @MinLength(3) title!: string;
  /** Host names the portal answers on; the first is the primary one. */
  @IsArray() @ArrayMinSize(1) @ArrayUnique()
  @Matches(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, { each: true, message: 'domains must be lower-case host names (e.g. laocai.gov.vn)' })
  domains!: string[];
}
