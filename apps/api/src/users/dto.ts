import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '@factdesk/domain';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { trim, trimLower } from '../common/transforms.js';

export class LoginDto {
  @ApiProperty({ example: 'editor@demo.factdesk' })
  @Transform(trimLower)
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'factdesk-demo' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(1024)
  password: string;
}

export class CreateUserDto {
  @ApiProperty()
  @Transform(trimLower)
  @IsEmail({ require_tld: false }, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1024)
  password: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: `must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'false deactivates the user and signs them out everywhere' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'Sets a new password and signs the user out everywhere',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(1024)
  password?: string;
}

export class IssueApiTokenDto {
  @ApiProperty({ example: 'CMS integration' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The user the token acts as; defaults to the caller' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  userId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, description: 'Never expires when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}
