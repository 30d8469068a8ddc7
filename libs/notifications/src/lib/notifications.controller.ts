import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Requires } from '@cong/accounts';
import { decodeCursor, nextCursor, TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { TenantContext } from '@cong/tenancy';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { InboxResponse, NotificationResponse } from './dto/notification.response';
import { Notification } from './notification.entity';

export class InboxQuery {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'Phải là true hoặc false.' })
  unread?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'Con trỏ trang không hợp lệ (hãy tải lại danh sách).' })
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

/** My in-app notifications, newest first; reading one marks it read. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly db: TenantDatabase,
    private readonly tenants: TenantContext,
  ) {}

  @Get()
  @Requires('notifications.read')
  @ApiOperation({ summary: 'My notifications, newest first, with the number unread' })
  @ApiOkResponse({ type: InboxResponse })
  async inbox(@CurrentPrincipal() p: Principal, @Query() q: InboxQuery): Promise<InboxResponse> {
    const tenantId = this.tenants.require();
    const limit = q.limit ?? 50;
    const position = q.cursor ? decodeCursor(q.cursor, 'NOTIFICATIONS_BAD_CURSOR') : undefined;
    return this.db.transaction(tenantId, async (m) => {
      const query = m
        .getRepository(Notification)
        .createQueryBuilder('n')
        .where('n.tenant_id = :tenantId AND n.user_id = :userId', { tenantId, userId: p.userId });
      const unread = await query.clone().andWhere('n.read_at IS NULL').getCount();
      if (q.unread) query.andWhere('n.read_at IS NULL');
      if (position) query.andWhere('(n.created_at, n.id) < (:at, :id)', { at: position.at, id: position.id });
      const items = await query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').take(limit).getMany();
      return {
        unread,
        items: items.map(NotificationResponse.from),
        nextCursor: nextCursor(items, limit, (n) => ({ at: n.createdAt, id: n.id })),
      };
    });
  }

  @Post(':id/read')
  @HttpCode(204)
  @Requires('notifications.read')
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiNoContentResponse({ description: 'Read (or already read)' })
  async markRead(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const tenantId = this.tenants.require();
    const result = await this.db.transaction(tenantId, (m) =>
      m
        .getRepository(Notification)
        .createQueryBuilder()
        .update()
        .set({ readAt: () => 'COALESCE(read_at, now())' })
        .where('tenant_id = :tenantId AND id = :id AND user_id = :userId', { tenantId, id, userId: p.userId })
        .execute(),
    );
    if (!result.affected) throw new DomainError('NOTIFICATION_NOT_FOUND', 'not_found', 'Không tìm thấy thông báo.');
  }

  @Post('read-all')
  @HttpCode(204)
  @Requires('notifications.read')
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiNoContentResponse({ description: 'All read' })
  async markAllRead(@CurrentPrincipal() p: Principal): Promise<void> {
    const tenantId = this.tenants.require();
    await this.db.transaction(tenantId, (m) =>
      m
        .getRepository(Notification)
        .createQueryBuilder()
        .update()
        .set({ readAt: () => 'now()' })
        .where('tenant_id = :tenantId AND user_id = :userId AND read_at IS NULL', { tenantId, userId: p.userId })
        .execute(),
    );
  }
}
