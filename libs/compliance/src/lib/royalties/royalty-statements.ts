import { Injectable } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { addDays } from '@cong/rules';
import { TableFile } from '../reports/report-files';

export interface RoyaltyLine {
  authorId: string | null;
  author: string;
  authorName: string;
  unit: string;
  unitName: string;
  items: number;
  points: number;
  amount: number;
}

export interface RoyaltyStatement {
  month: string;
  currency: string;
  /** Per author (and unit), largest amount first. */
  authors: RoyaltyLine[];
  /** Per unit. */
  units: { unit: string; unitName: string; items: number; points: number; amount: number }[];
  total: { items: number; points: number; amount: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** LC-3.1c: the month's royalty entitlements (publication day in the month), per author and per unit. */
@Injectable()
export class RoyaltyStatements {
  constructor(private readonly db: TenantDatabase) {}

  async month(tenantId: string, month: string): Promise<RoyaltyStatement> {
    const start = `${month}-01`;
    const end = addDays(`${month}-28`, 7).slice(0, 7) + '-01';
    const rows: { author_id: string | null; username: string | null; display_name: string | null; unit: string; unit_name: string; items: number; points: string; amount: string; currency: string }[] =
      await this.db.transaction(tenantId, (m) =>
        m.query(
          `SELECT e.author_id, a.username, a.display_name, u.code AS unit, u.name AS unit_name, e.currency,
                  count(*)::int AS items, sum(e.points)::text AS points, sum(e.amount)::text AS amount
           FROM compliance_royalty_entitlement e
           JOIN units_unit u ON u.tenant_id = e.tenant_id AND u.id = e.unit_id
           LEFT JOIN accounts_user a ON a.tenant_id = e.tenant_id AND a.id = e.author_id
           WHERE e.tenant_id = $1 AND e.published_on >= $2 AND e.published_on < $3
           GROUP BY e.author_id, a.username, a.display_name, u.code, u.name, e.currency
           ORDER BY sum(e.amount) DESC, a.username`,
          [tenantId, start, end],
        ),
      );
    const authors = rows.map((r) => ({
      authorId: r.author_id, author: r.username ?? '—', authorName: r.display_name ?? '(tài khoản không còn)', unit: r.unit, unitName: r.unit_name,
      items: r.items, points: round2(Number(r.points)), amount: Number(r.amount),
    }));
    const units = new Map<string, { unit: string; unitName: string; items: number; points: number; amount: number }>();
    for (const a of authors) {
      const u = units.get(a.unit) ?? units.set(a.unit, { unit: a.unit, unitName: a.unitName, items: 0, points: 0, amount: 0 }).get(a.unit)!;
      u.items += a.items;
      u.points = round2(u.points + a.points);
      u.amount += a.amount;
    }
    const total = authors.reduce((t, a) => ({ items: t.items + a.items, points: round2(t.points + a.points), amount: t.amount + a.amount }), { items: 0, points: 0, amount: 0 });
    return { month, currency: rows[0]?.currency ?? 'VND', authors, units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)), total };
  }

  /** The statement as a downloadable table (per author, then the total). */
  static file(statement: RoyaltyStatement, province: string): TableFile {
    return {
      title: [`Bảng kê nhuận bút tháng ${statement.month.slice(5)}/${statement.month.slice(0, 4)} (LC-3.1c)`, province, `Đơn vị tiền: ${statement.currency}`],
      headings: ['Tài khoản', 'Tác giả', 'Mã đơn vị', 'Tên đơn vị', 'Số tin bài', 'Số điểm', 'Thành tiền'],
      lines: [
        ...statement.authors.map((a) => [a.author, a.authorName, a.unit, a.unitName, a.items, a.points, a.amount]),
        ['', 'Tổng cộng', '', '', statement.total.items, statement.total.points, statement.total.amount],
      ],
      totalLast: true,
    };
  }
}
