import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../passwords/password-policy.checker';

export class SignInRequest {
  @ApiProperty({ example: 'nguyenvana' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token of the previous response; usable once.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Exchange at …/auth/refresh for new tokens; each is usable once.' }) refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @ApiProperty({ description: 'A one-time password was used: only …/auth/password and sign-out work until it is changed.' })
  mustChangePassword!: boolean;
  @ApiProperty({
    description:
      "The province's rule requires two-step verification for a role of this account and it is not on: only …/auth/two-factor/enrolment(/confirm) and sign-out work until it is.",
  })
  twoFactorEnrolmentRequired!: boolean;
}

export class TwoFactorChallengeResponse {
  @ApiProperty({
    enum: [true],
    description: 'The password was right; no tokens yet: send the challenge with a code to …/auth/login/two-factor.',
  })
  twoFactorRequired!: true;
  @ApiProperty({ description: 'Usable once, for `expiresIn` seconds, in this province only.' }) challenge!: string;
  @ApiProperty({ example: 300 }) expiresIn!: number;
}

export class TwoFactorSignInRequest {
  @ApiProperty({ description: 'The challenge of the password step.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  challenge!: string;

  @ApiProperty({ description: 'The 6-digit code of the authenticator app, or one unused recovery code (xxxxx-xxxxx).', example: '123456' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code!: string;
}

export class TwoFactorEnrolmentResponse {
  @ApiProperty({
    description: 'Base32 secret to type into an authenticator app; shown this once. Nothing changes at sign-in until confirmed.',
  })
  secret!: string;
  @ApiProperty({
    example: 'otpauth://totp/C%E1%BB%95ng%20T%E1%BB%89nh%20L%C3%A0o%20Cai:nguyenvana?secret=…&issuer=…',
    description: 'The same secret as a QR code payload.',
  })
  otpauthUri!: string;
}

export class TwoFactorCodeRequest {
  @ApiProperty({ description: 'A 6-digit code of the authenticator app.', example: '123456' })
  @IsString()
  @Matches(/^\s*\d{3}\s*\d{3}\s*$/, { message: '`code` phải là 6 chữ số hiện trên ứng dụng xác thực.' })
  code!: string;
}

export class RecoveryCodesResponse {
  @ApiProperty({
    type: [String],
    description: 'Ten single-use recovery codes, shown this once (only their hashes are kept); each signs in once in place of a code.',
  })
  recoveryCodes!: string[];
}

export class DisableTwoFactorRequest {
  @ApiPropertyOptional({ description: 'A current 6-digit code …' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;

  @ApiPropertyOptional({ format: 'password', description: '… or the password.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;
}

export class MembershipView {
  @ApiProperty() role!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) unitId!: string | null;
}

export class MeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null for a national operator' }) tenantId!: string | null;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [MembershipView] }) memberships!: MembershipView[];
  @ApiProperty({ description: 'Two-step verification is on (turn it off at POST /auth/two-factor/disable)' }) twoFactorEnabled!: boolean;
}

export class SessionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() startedAt!: Date;
  @ApiProperty() lastUsedAt!: Date;
  @ApiProperty() expiresAt!: Date;
  @ApiPropertyOptional({ nullable: true, type: String }) userAgent!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty() current!: boolean;
}
