import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../passwords/password-policy.checker';
import { TENANT_ROLES, TenantRole } from '../membership.entity';
import { USER_STATUSES, UserStatus } from '../user.entity';

export class RoleGrantDto {
  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES, { message: `\`role\` phải là một trong: ${TENANT_ROLES.join(', ')}.` })
  role!: TenantRole;

  @ApiPropertyOptional({ description: 'Unit code, for unit_head and unit_editor', example: 'so-y-te' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: '`unit` phải là mã một đơn vị (ví dụ so-y-te).' })
  unit?: string;
}

export class InviteUserRequest {
  @ApiProperty({ example: 'tran.thi.b' }) @IsString() @MaxLength(64) username!: string;
  @ApiProperty({ example: 'Trần Thị B' }) @IsString() @MinLength(2) @MaxLength(200) displayName!: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiProperty({ type: [RoleGrantDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles!: RoleGrantDto[];
}

export class SetRolesRequest {
  @ApiProperty({ type: [RoleGrantDto], description: 'The complete set of roles the user should hold' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles!: RoleGrantDto[];
}

export class TokenPasswordRequest {
  @ApiProperty({ description: 'The one-time token from the invitation or the reset' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  token!: string;
  @ApiProperty({ format: 'password' }) @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD_LENGTH) password!: string;
}

export class UserRoleView {
  @ApiProperty({ enum: TENANT_ROLES }) role!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unit!: string | null;
}

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({
    enum: USER_STATUSES,
    description: "`suspended`: unused past the province's suspendAfterInactiveDays; lift with POST /users/{id}/lift-suspension",
  })
  status!: string;
  @ApiProperty() passwordExposed!: boolean;
  @ApiPropertyOptional({ nullable: true, type: Date }) lastLoginAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'When the account was suspended for disuse; null unless suspended' })
  suspendedAt!: Date | null;
  @ApiProperty({ description: 'Two-step verification is on (the IT centre can reset it at …/two-factor/reset)' })
  twoFactorEnabled!: boolean;
  @ApiProperty({ type: [UserRoleView] }) roles!: UserRoleView[];
}

export class UserListQuery {
  @ApiPropertyOptional({ enum: USER_STATUSES, description: 'Only accounts in this state, e.g. `suspended`' })
  @IsOptional()
  @IsIn(USER_STATUSES, { message: `\`status\` phải là một trong: ${USER_STATUSES.join(', ')}.` })
  status?: UserStatus;
  @ApiPropertyOptional({ description: 'Words of the username, name or e-mail; accents and case ignored', example: 'nguyen van' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'Nhập ít nhất 2 ký tự để tìm.' })
  @MaxLength(100, { message: 'Tối đa 100 ký tự.' })
  q?: string;
}

export class IssuedTokenResponse {
  @ApiProperty({ description: 'Shown once: give it to the user in private' }) token!: string;
  @ApiProperty() expiresAt!: Date;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The address the link was e-mailed to (SMTP_URL set, the user has one); null: hand the link over yourself',
  })
  emailedTo!: string | null;
}

export class InvitationResponse {
  @ApiProperty({ type: UserResponse }) user!: UserResponse;
  @ApiProperty({ type: IssuedTokenResponse }) invitation!: IssuedTokenResponse;
}
