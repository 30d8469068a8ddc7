import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { KeepsWhiteTextReadable } from './colour-contrast';
import { RULE_ID, RULE_ID_MESSAGE, STRICT_DATE } from './vocabulary';

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** The decision the rules come from (NA: 108/2006/QĐ-UBND, LC: 07/2006/QĐ-UBND). */
export class LegalBasis {
  /** Number/symbol of the decision, e.g. `07/2006/QĐ-UBND`. */
  @IsString() @MinLength(3) document!: string;
  @IsISO8601(STRICT_DATE, { message: '`signedOn` phải là một ngày dạng YYYY-MM-DD' }) signedOn!: string;
  @IsInt() @Min(0) @Max(365) inForceAfterDays!: number;
}

/** A sub-site that also answers on a host name of its own (its path under the portal stays). */
export class SubsiteDomain {
  /** The unit whose sub-site it is: a unit of units.yaml whose kind has a sub-site. */
  @Matches(RULE_ID, { message: `\`unit\` ${RULE_ID_MESSAGE}` }) unit!: string;
  @Matches(HOST_NAME, { message: '`domain` phải là tên miền viết thường (ví dụ soyte.laocai.gov.vn)' }) domain!: string;
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/;
/** A logo: an https address, or a path on the portal itself (an upload's `/api/v1/public/media/…`). */
const LOGO = /^(https:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/;

/**
 * How the province's portal looks: its colours and logo. Text on the colours is white, so each
 * colour must keep white text readable (WCAG 2.1 AA, contrast 4.5:1; checked when the file is read).
 */
export class PortalTheme {
  /** The header and the links' colour, `#rrggbb`. */
  @Matches(HEX_COLOUR, { message: '`primaryColor` phải là mã màu #rrggbb viết thường' }) @KeepsWhiteTextReadable() primaryColor!: string;
  /** The navigation bar and the buttons, `#rrggbb`; the primary colour when left out. */
  @IsOptional()
  @Matches(HEX_COLOUR, { message: '`accentColor` phải là mã màu #rrggbb viết thường' })
  @KeepsWhiteTextReadable()
  accentColor?: string;
  @IsOptional() @Matches(LOGO, { message: '`logo` phải là địa chỉ https hoặc đường dẫn trên cổng (/api/v1/public/media/…)' }) logo?: string;
}

/** Who runs the portal, for its footer (Decree 72/2013 and 27/2018: the licence line and who answers for it). */
export class PortalPublisher {
  /** Cơ quan chủ quản, e.g. "Ủy ban nhân dân tỉnh Lào Cai". */
  @IsString() @MinLength(3) @MaxLength(200) agency!: string;
  /** Cơ quan quản lý, vận hành (the IT centre or the office), when not the agency itself. */
  @IsOptional() @IsString() @MinLength(3) @MaxLength(200) operator?: string;
  @IsOptional() @IsString() @MaxLength(200) responsible?: string;
  @IsOptional() @IsString() @MaxLength(300) licence?: string;
  @IsString() @MinLength(5) @MaxLength(300) address!: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @IsEmail({}, { message: '`email` phải là địa chỉ thư điện tử' }) email?: string;
}

export class Portal {
  @IsString() @MinLength(3) title!: string;
  /** Host names the portal answers on; the first is the primary one. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @Matches(HOST_NAME, { each: true, message: 'Mỗi mục trong `domains` phải là tên miền viết thường (ví dụ laocai.gov.vn)' })
  domains!: string[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SubsiteDomain) subsiteDomains?: SubsiteDomain[];
  /** Left out: the platform's blue. */
  @IsOptional() @ValidateNested() @Type(() => PortalTheme) theme?: PortalTheme;
  @IsOptional() @ValidateNested() @Type(() => PortalPublisher) publisher?: PortalPublisher;
}
