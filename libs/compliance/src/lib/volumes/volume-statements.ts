import { Injectable } from '@nestjs/common';
import { AuditLog } from '@cong/platform-audit';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { DateRange, Period, ProvinceCalendar, todayIn } from '@cong/rules';
import { QueryFailedError } from 'typeorm';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { ComplianceFacts } from '../progress/compliance-facts';
import { VolumeLine, VolumeStatement } from './volume-statement.entity';

export interface VolumeDraft {
  period: { kind: string } & DateRange;
  ruleVersion: number;
  lines: VolumeLine[];
  total: number;
}

export interface StatementView extends VolumeStatement {
  /** The statement that corrected this one, if any: then this one is no longer current. */
  correctedById: string | null;
}

const Errors = {
  notRequired: () =>
    new DomainError('COMPLIANCE_NO_VOLUME_STATEMENT', 'not_found', 'Quy định của tỉnh không yêu cầu bảng kê khối lượng thông tin.'),
  open: (end: string) =>
    new DomainError('COMPLIANCE_PERIOD_OPEN', 'conflict', `Kỳ này chưa kết thúc (kết thúc ngày ${end}); chưa thể xác nhận khối lượng.`),
  certified: () =>
    new DomainError(
      'COMPLIANCE_VOLUME_CERTIFIED',
      'conflict',
      'Kỳ này đã có bảng kê được xác nhận; để sửa, hãy lập bảng kê điều chỉnh (corrects) kèm lý do.',
    ),
  notCurrent: () =>
    new DomainError(
      'COMPLIANCE_VOLUME_NOT_CURRENT',
      'conflict',
      'Bảng kê này đã được điều chỉnh bởi một bảng kê khác; hãy điều chỉnh bảng kê mới nhất.',
    ),
  notFound: () => new DomainError('COMPLIANCE_VOLUME_NOT_FOUND', 'not_found', 'Không tìm thấy bảng kê.'),
  reason: () =>
    new DomainError('COMPLIANCE_VOLUME_REASON', 'validation', 'Bảng kê điều chỉnh cần ghi lý do.', [
      { field: 'reason', message: 'Cần ít nhất 3 ký tự.' },
    ]),
};

/**
 * NA-10.1: the IT centre checks and certifies each unit's volume (items provided, per content type,
 * per period of the rules) as the basis for settlement. Certifying stores the figures as they are
 * then, audited; the table is append-only, so a certified statement never changes. A correction is
 * a new statement naming the one it corrects, with a reason; only the latest of a chain can be
 * corrected.
 */
@Injectable()
export class VolumeStatements {
  constructor(
    private readonly db: TenantDatabase,
    private readonly evaluation: ComplianceEvaluation,
    private readonly facts: ComplianceFacts,
    private readonly audit: AuditLog,
  ) {}

  /** The figures of the period holding `date`, as they stand now (not stored). */
  async draft(tenantId: string, date: string): Promise<VolumeDraft> {
    const inForce = await this.evaluation.rulesOn(tenantId, date);
    const rule = inForce?.rules.payments?.volumeStatement;
    if (!inForce || !rule) throw Errors.notRequired();
    const calendar = new ProvinceCalendar(inForce.rules.timezone, inForce.rules.calendar);
    const range = calendar.periodOf(rule.period as Period, date);
    const names = await this.facts.unitNames(tenantId);
    const counted = new Map<string, VolumeLine>();
    for (const f of await this.facts.publications(tenantId, range, inForce.rules.timezone)) {
      if (!rule.contentTypes.includes(f.type) || !rule.channels.includes(f.channel)) continue;
      const key = `${f.unit}\u0000${f.type}`;
      const line =
        counted.get(key) ??
        counted.set(key, { unit: f.unit, unitName: names.get(f.unit) ?? f.unit, type: f.type, count: 0, itemIds: [] }).get(key)!;
      line.count++;
      line.itemIds.push(f.itemId);
    }
    const lines = [...counted.values()].sort((a, b) => a.unit.localeCompare(b.unit) || a.type.localeCompare(b.type));
    return { period: { kind: rule.period, ...range }, ruleVersion: inForce.version, lines, total: lines.reduce((n, l) => n + l.count, 0) };
  }

  /** Certifies the period holding `date` (or corrects a statement of it). */
  async certify(
    tenantId: string,
    date: string,
    actor: { id: string; label: string },
    correction?: { corrects: string; reason?: string },
  ): Promise<VolumeStatement> {
    const figures = await this.draft(tenantId, date);
    const today = todayIn((await this.evaluation.rulesOn(tenantId, date))!.rules.timezone);
    if (figures.period.end > today) throw Errors.open(figures.period.end);
    if (correction && !(correction.reason && correction.reason.trim().length >= 3)) throw Errors.reason();
    try {
      return await this.db.transaction(tenantId, async (m) => {
        const repo = m.getRepository(VolumeStatement);
        if (correction) {
          const old = await repo.findOneBy({ tenantId, id: correction.corrects });
          if (!old || old.periodStart !== figures.period.start || old.periodKind !== figures.period.kind) throw Errors.notFound();
          if (await repo.findOneBy({ tenantId, correctsId: old.id })) throw Errors.notCurrent();
        } else if (await repo.findOneBy({ tenantId, periodKind: figures.period.kind, periodStart: figures.period.start })) {
          throw Errors.certified();
        }
        const saved = await repo.save(
          repo.create({
            tenantId,
            periodKind: figures.period.kind,
            periodStart: figures.period.start,
            periodEnd: figures.period.end,
            lines: figures.lines,
            total: figures.total,
            ruleVersion: figures.ruleVersion,
            correctsId: correction?.corrects ?? null,
            reason: correction?.reason?.trim() ?? null,
            certifiedById: actor.id,
            certifiedBy: actor.label,
          }),
        );
        await this.audit.record(m, {
          tenantId,
          action: 'compliance.volume_certified',
          subjectType: 'compliance_volume_statement',
          subjectId: saved.id,
          details: {
            period: `${saved.periodKind} ${saved.periodStart}`,
            total: saved.total,
            corrects: saved.correctsId,
            reason: saved.reason,
          },
          actor,
        });
        return saved;
      });
    } catch (error) {
      // Two certifications racing: the unique indexes let one in.
      if (error instanceof QueryFailedError && (error as unknown as { code?: string }).code === '23505')
        throw correction ? Errors.notCurrent() : Errors.certified();
      throw error;
    }
  }

  async list(tenantId: string, from: string, to: string): Promise<StatementView[]> {
    const all = await this.db.transaction(tenantId, (m) =>
      m
        .getRepository(VolumeStatement)
        .createQueryBuilder('s')
        .where('s.tenant_id = :tenantId AND s.period_start >= :from AND s.period_start < :to', { tenantId, from, to })
        .orderBy('s.period_start', 'ASC')
        .addOrderBy('s.certified_at', 'ASC')
        .getMany(),
    );
    return all.map((s) => ({ ...s, correctedById: all.find((c) => c.correctsId === s.id)?.id ?? null }));
  }
}
