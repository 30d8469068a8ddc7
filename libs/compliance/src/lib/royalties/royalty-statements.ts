import { Injectable } from '@nestjs/common';
import { accountNames } from '@cong/accounts';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { addDays, dmy, Royalties, todayIn } from '@cong/rules';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { TableFile } from '@cong/platform-tables';

/** One entitlement as the statement lists it: enough to check its amount by hand. */
export interface RoyaltyItemLine {
  itemId: string;
  title: string;
  publishedOn: string;
  authorId: string | null;
  author: string;
  authorName: string;
  unit: string;
  unitName: string;
  genre: string;
  genreName: string;
  channel: string;
  points: number;
  /** The value of one point that day, and where it comes from. */
  unitValue: number;
  unitValueBasis: string | null;
  /** The share the channel pays (1 = 100 %). */
  share: number;
  /** points × unit value × share, in whole đồng. */
  amount: number;
}

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
  /** The article and the decision the royalties are paid under, from the province's rules. */
  legalBasis: { requirement: string; document: string };
  /** The day the statement was made, in the province. */
  issuedOn: string;
  /** Every entitlement, by author then publication day. */
  lines: RoyaltyItemLine[];
  /** Per author (and unit), largest amount first. */
  authors: RoyaltyLine[];
  /** Per unit. */
  units: { unit: string; unitName: string; items: number; points: number; amount: number }[];
  total: { items: number; points: number; amount: number };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const CHANNEL_NAMES: Record<string, string> = { portal: 'Cổng', subsite: 'Chuyên trang' };

/** LC-3.1c: the month's royalty entitlements (publication day in the month), per item, author and unit. */
@Injectable()
export class RoyaltyStatements {
  constructor(
    private readonly db: TenantDatabase,
    private readonly evaluation: ComplianceEvaluation,
  ) {}

  async month(tenantId: string, month: string, now: Date = new Date()): Promise<RoyaltyStatement> {
    const start = `${month}-01`;
    const end = addDays(`${month}-28`, 7).slice(0, 7) + '-01';
    const { table, document, timezone } = await this.tableOf(tenantId, start, end);
    const rows: {
      item_id: string;
      title: string | null;
      published_on: string;
      author_id: string | null;
      username: string | null;
      display_name: string | null;
      unit: string;
      unit_name: string;
      genre: string;
      channel: string;
      points: string;
      unit_value: number;
      unit_value_basis: string | null;
      share: string;
      amount: string;
      currency: string;
    }[] = await this.db.transaction(tenantId, async (m) => {
      const entitlements: Omit<(typeof rows)[number], 'username' | 'display_name'>[] = await m.query(
        `SELECT e.item_id, c.title, to_char(e.published_on, 'YYYY-MM-DD') AS published_on, e.author_id, u.code AS unit, u.name AS unit_name,
                e.genre, e.channel, e.points::text AS points, e.unit_value, e.unit_value_basis, e.share::text AS share, e.amount::text AS amount, e.currency
         FROM compliance_royalty_entitlement e
         JOIN units_unit u ON u.tenant_id = e.tenant_id AND u.id = e.unit_id
         LEFT JOIN content_item c ON c.tenant_id = e.tenant_id AND c.id = e.item_id
         WHERE e.tenant_id = $1 AND e.published_on >= $2 AND e.published_on < $3
         ORDER BY e.published_on, e.created_at`,
        [tenantId, start, end],
      );
      // Authors' names are accounts' to give; the lines by author (those with no account left last), then by day.
      const names = await accountNames(
        m,
        tenantId,
        entitlements.flatMap((e) => (e.author_id ? [e.author_id] : [])),
      );
      const named = entitlements.map((e) => {
        const who = e.author_id ? names.get(e.author_id) : undefined;
        return {
          ...e,
          username: who?.username ?? null,
          display_name: who?.displayName ?? null,
          order: who?.order ?? Number.MAX_SAFE_INTEGER,
        };
      });
      // A stable sort: the same author's lines keep the day order of the query.
      return named.sort((a, b) => a.order - b.order);
    });
    const genreNames = new Map(table.genres.map((g) => [g.id, g.name]));
    const lines: RoyaltyItemLine[] = rows.map((r) => ({
      itemId: r.item_id,
      title: r.title ?? '(tin bài không còn)',
      publishedOn: r.published_on,
      authorId: r.author_id,
      author: r.username ?? '—',
      authorName: r.display_name ?? '(tài khoản không còn)',
      unit: r.unit,
      unitName: r.unit_name,
      genre: r.genre,
      genreName: genreNames.get(r.genre) ?? r.genre,
      channel: r.channel,
      points: Number(r.points),
      unitValue: r.unit_value,
      unitValueBasis: r.unit_value_basis,
      share: Number(r.share),
      amount: Number(r.amount),
    }));
    const authors = new Map<string, RoyaltyLine>();
    for (const l of lines) {
      const key = `${l.authorId}|${l.unit}`;
      const a =
        authors.get(key) ??
        authors
          .set(key, {
            authorId: l.authorId,
            author: l.author,
            authorName: l.authorName,
            unit: l.unit,
            unitName: l.unitName,
            items: 0,
            points: 0,
            amount: 0,
          })
          .get(key)!;
      a.items++;
      a.points = round2(a.points + l.points);
      a.amount += l.amount;
    }
    const units = new Map<string, { unit: string; unitName: string; items: number; points: number; amount: number }>();
    for (const a of authors.values()) {
      const u = units.get(a.unit) ?? units.set(a.unit, { unit: a.unit, unitName: a.unitName, items: 0, points: 0, amount: 0 }).get(a.unit)!;
      u.items += a.items;
      u.points = round2(u.points + a.points);
      u.amount += a.amount;
    }
    const total = lines.reduce((t, l) => ({ items: t.items + 1, points: round2(t.points + l.points), amount: t.amount + l.amount }), {
      items: 0,
      points: 0,
      amount: 0,
    });
    return {
      month,
      currency: rows[0]?.currency ?? table.currency,
      legalBasis: { requirement: table.requirement, document },
      issuedOn: todayIn(timezone, now),
      lines,
      authors: [...authors.values()].sort((a, b) => b.amount - a.amount || a.author.localeCompare(b.author)),
      units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)),
      total,
    };
  }

  /**
   * The royalty table that governs the month: the one in force at its end (or today, for the
   * month under way), else at its start. A province whose rules pay no royalties gets a 404.
   */
  private async tableOf(tenantId: string, start: string, end: string): Promise<{ table: Royalties; document: string; timezone: string }> {
    for (const day of [addDays(end, -1), start]) {
      const inForce = await this.evaluation.rulesOn(tenantId, day);
      const table = inForce?.rules.payments?.royalties;
      if (inForce && table) return { table, document: inForce.rules.legalBasis.document, timezone: inForce.rules.timezone };
    }
    throw new DomainError('COMPLIANCE_NO_ROYALTIES', 'not_found', 'Quy định của tỉnh không có chế độ nhuận bút cho tháng này.');
  }

  /** The statement as a downloadable table: one line per entitlement (genre, channel, share), then the total. */
  static file(statement: RoyaltyStatement, province: string): TableFile {
    const [year, month] = statement.month.split('-');
    return {
      title: [
        `Bảng kê nhuận bút tháng ${month}/${year}`,
        province,
        `Căn cứ: Quyết định ${statement.legalBasis.document} (${statement.legalBasis.requirement})`,
        `Đơn vị tiền: ${statement.currency === 'VND' ? 'đồng' : statement.currency}`,
      ],
      headings: [
        'Tác giả',
        'Tài khoản',
        'Tên đơn vị',
        'Mã đơn vị',
        'Tin bài',
        'Ngày đăng',
        'Thể loại',
        'Kênh đăng',
        'Số điểm',
        'Giá trị 1 điểm (đ)',
        'Tỷ lệ hưởng (%)',
        'Thành tiền (đ)',
      ],
      lines: [
        ...statement.lines.map((l) => [
          l.authorName,
          l.author,
          l.unitName,
          l.unit,
          l.title,
          dmy(l.publishedOn),
          l.genreName,
          CHANNEL_NAMES[l.channel] ?? l.channel,
          l.points,
          l.unitValue,
          Math.round(l.share * 1000) / 10,
          l.amount,
        ]),
        [
          'Tổng cộng',
          '',
          '',
          '',
          `${statement.total.items} tin bài`,
          '',
          '',
          '',
          statement.total.points,
          null,
          null,
          statement.total.amount,
        ],
      ],
      totalLast: true,
      moneyColumns: [9, 11],
      footer: [`Ngày lập: ${dmy(statement.issuedOn)}`],
    };
  }
}
