import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../passwords/password-policy.checker';

export class SignInRequest {
  @ApiProperty({ example: 'nguyenvana' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  username!: string;

  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'The refresh token of the previous response; usable once.' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({ format: 'password' })
  @IsString() @IsNotEmpty() @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Exchange at …/auth/refresh for new tokens; each is usable once.' }) refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @ApiProperty({ description: 'A one-time password was used: only …/auth/password and sign-out work until it is changed.' })
  mustChangePassword!: boolean;
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
