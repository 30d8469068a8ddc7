import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

export class DependencyStatusResponse {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiPropertyOptional({ description: 'Why it is down' }) error?: string;
}

export class DependencyChecksResponse {
  @ApiProperty({ type: DependencyStatusResponse }) postgres!: DependencyStatusResponse;
  @ApiProperty({ type: DependencyStatusResponse }) redis!: DependencyStatusResponse;
}

export class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: DependencyChecksResponse }) checks!: DependencyChecksResponse;
}

/** The 503 answer: which dependency does not answer. */
export class UnreadyResponse {
  @ApiProperty({ enum: ['unavailable'] }) status!: 'unavailable';
  @ApiProperty({ type: [String], enum: ['postgres', 'redis'] }) failing!: string[];
  @ApiProperty({ example: 'Không sẵn sàng: redis không phản hồi.' }) detail!: string;
  @ApiProperty({ type: DependencyChecksResponse }) checks!: DependencyChecksResponse;
}
