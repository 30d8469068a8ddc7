import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const LIMIT = '`limit` phải là số nguyên từ 1 đến 200.';

/**
 * The page part of a newest-first list's query: the previous page's `nextCursor` (checked here for
 * its shape; `decodeCursor` checks what it names) and how many items, 1 to 200. Lists extend it.
 */
export class KeysetPageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'Con trỏ trang không hợp lệ (hãy tải lại danh sách).' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT })
  @Min(1, { message: LIMIT })
  @Max(200, { message: LIMIT })
  limit?: number;
}
