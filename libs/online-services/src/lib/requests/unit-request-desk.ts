import { Injectable, Logger } from '@nestjs/common';
import { actorOf, CAPABILITIES, holdsFor, Principal } from '@cong/accounts';
import { MediaLibrary } from '@cong/content';
import { Notification, Notifier } from '@cong/notifications';
import { decodeCursor, nextCursor, TenantDatabase } from '@cong/platform-database';
import { ProvinceCalendar, RuleVersionRepository, todayIn, UNIT_REQUEST_KINDS, UnitRequestKind } from '@cong/rules';
import { Unit, unitLineage, unitSubtree } from '@cong/units';
import { EntityManager, In } from 'typeorm';
import { ACTION_LABELS, DeskAction, KIND_LABELS, KIND_PREFIXES, STATUS_LABELS } from './unit-request-labels';
import { OPEN_REQUEST_STATUSES, RequestAction, UnitRequest, UnitRequestStatus } from './unit-request.entity';
import { UnitRequestRepository } from './unit-request.repository';
import { UnitRequestErrors } from './unit-requests.errors';

export interface Province {
  id: string;
  timezone: string;
}

export interface RequestFilter {
  kind?: UnitRequestKind;
  status?: UnitRequestStatus;
  /** Sent by this unit (a code). */
  unit?: string;
  /** Handled by this unit (a code). */
  handler?: string;
  box?: 'incoming' | 'outgoing';
  overdue?: boolean;
  q?: string;
  limit: number;
  cursor?: string;
}

export interface NewRequest {
  kind: UnitRequestKind;
  /** The sending unit's code. */
  unit: string;
  title: string;
  description: string;
  /** Ids of files uploaded to the media library. */
  attachments?: string[];
}

export interface UnitRef {
  code: string;
  name: string;
}

export interface RequestSummary {
  id: string;
  number: string;
  kind: UnitRequestKind;
  kindLabel: string;
  title: string;
  status: UnitRequestStatus;
  statusLabel: string;
  unit: UnitRef;
  /** The unit answering it; null: the IT centre. */
  handler: UnitRef | null;
  sentAt: Date;
  sentOn: string;
  dueOn: string;
  /** Open and past `dueOn` in the province's calendar today. */
  overdue: boolean;
}

export interface RequestRoute {
  kind: UnitRequestKind;
  kindLabel: string;
  /** The province takes requests through the platform. */
  enabled: boolean;
  /** Null: the IT centre. */
  handler: UnitRef | null;
  answerWithin: number | null;
  dayKind: 'calendar' | 'working' | null;
}

export interface RequestStep {
  at: Date;
  action: RequestAction;
  actionLabel: string;
  actor: string;
  fromUnit: string | null;
  toUnit: string | null;
  note: string | null;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  attachments: { id: string; filename: string; mime: string; size: number }[];
  answer: string | null;
  answeredAt: Date | null;
  history: RequestStep[];
  actions: DeskAction[];
}

/**
 * Units' proposals of online public services and reports of problems (NA-8.5; in Lào Cai the
 * registrations of LC-2.1.3): a unit's head or editors send one; the rules route each kind to the
 * unit that answers it (Sở BCVT, the IT centre), with its deadline counted from the day it was
 * sent; that unit takes it up, forwards it with a reason or answers it; the sender may take it
 * back while it is open. Each step is kept in the request's history and told to the other side.
 */
@Injectable()
export class UnitRequestDesk {
  private readonly logger = new Logger(UnitRequestDesk.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly rules: RuleVersionRepository,
    private readonly repository: UnitRequestRepository,
    private readonly media: MediaLibrary,
    private readonly notifier: Notifier,
  ) {}

  async list(p: Principal, province: Province, filter: RequestFilter): Promise<{ items: RequestSummary[]; nextCursor: string | null }> {
    const after = filter.cursor ? decodeCursor(filter.cursor, 'UNIT_REQUEST_BAD_CURSOR') : undefined;
    return this.db.transaction(province.id, async (m) => {
      const reach = await this.reachOf(m, p, province.id);
      const unitId = filter.unit ? (await this.unitByCode(m, province.id, filter.unit, 'unit', false)).id : undefined;
      const handlerUnitId = filter.handler ? (await this.unitByCode(m, province.id, filter.handler, 'handler', false)).id : undefined;
      const rows = await this.repository.page(m, province.id, {
        reach,
        kind: filter.kind,
        status: filter.status,
        unitId,
        handlerUnitId,
        box: filter.box,
        overdueOn: filter.overdue ? todayIn(province.timezone) : undefined,
        q: filter.q,
        after,
        limit: filter.limit,
      });
      return {
        items: await this.summaries(m, province, rows),
        nextCursor: nextCursor(rows, filter.limit, (r) => ({ at: r.createdAt, id: r.id })),
      };
    });
  }

  /** Where each kind goes under the rules in force today, and how long its answer may take (the console's form shows it). */
  async routes(province: Province): Promise<RequestRoute[]> {
    const rules = await this.rules.ruleSetInForceOn(province.id, todayIn(province.timezone));
    return this.db.transaction(province.id, async (m) =>
      Promise.all(
        UNIT_REQUEST_KINDS.map(async (kind) => {
          const route = rules?.unitRequests[kind];
          const handler = route?.handledBy
            ? await m.getRepository(Unit).findOneBy({ tenantId: province.id, code: route.handledBy, active: true })
            : null;
          return {
            kind,
            kindLabel: KIND_LABELS[kind],
            enabled: !!rules?.unitRequests.enabled,
            handler: handler ? { code: handler.code, name: handler.name } : null,
            answerWithin: route?.answerWithin ?? null,
            dayKind: (route?.dayKind as 'calendar' | 'working' | undefined) ?? null,
          };
        }),
      ),
    );
  }

  get(p: Principal, province: Province, id: string): Promise<RequestDetail> {
    return this.db.transaction(province.id, async (m) => this.detail(m, p, province, await this.readable(m, p, province.id, id)));
  }

  /** Sends a request for a unit the caller may send for, routed and dated by the rules in force today. */
  async send(p: Principal, province: Province, input: NewRequest): Promise<RequestDetail> {
    const today = todayIn(province.timezone);
    const rules = await this.rules.ruleSetInForceOn(province.id, today);
    if (!rules || !rules.unitRequests.enabled) throw UnitRequestErrors.closed();
    const route = rules.unitRequests[input.kind];
    const attachmentIds = [...new Set(input.attachments ?? [])];
    const { detail, sent } = await this.db.transaction(province.id, async (m) => {
      const unit = await this.unitByCode(m, province.id, input.unit, 'unit', true);
      if (!holdsFor(p, 'unitRequests.send', await unitLineage(m, province.id, unit.id))) throw UnitRequestErrors.notYourUnit(input.unit);
      const found = new Set((await this.media.assets(m, province.id, attachmentIds)).map((a) => a.id));
      const missing = attachmentIds.findIndex((a) => !found.has(a));
      if (missing >= 0) throw UnitRequestErrors.unknownAttachment(missing);
      // A handler the rules name but the province has since deactivated: the IT centre answers instead.
      const handler = route.handledBy
        ? await m.getRepository(Unit).findOneBy({ tenantId: province.id, code: route.handledBy, active: true })
        : null;
      const year = Number(today.slice(0, 4));
      const request = await this.repository.insert(m, {
        tenantId: province.id,
        kind: input.kind,
        year,
        number: await this.repository.nextNumber(m, province.id, input.kind, year),
        unitId: unit.id,
        handlerUnitId: handler?.id ?? null,
        title: input.title.trim(),
        description: input.description.trim(),
        attachmentIds,
        status: 'sent',
        sentOn: today,
        dueOn: new ProvinceCalendar(province.timezone, rules.calendar).addDays(
          today,
          route.answerWithin,
          route.dayKind as 'calendar' | 'working',
        ),
        answer: null,
        answeredAt: null,
        createdBy: p.userId,
      });
      await this.repository.record(m, request, { action: 'sent', actor: this.actor(p), toUnitId: request.handlerUnitId });
      const sent = await this.tellHandlers(m, request, `${KIND_LABELS[request.kind]} mới từ ${unit.name}`);
      return { detail: await this.detail(m, p, province, request), sent };
    });
    await this.mail(sent);
    return detail;
  }

  /** The handling unit has it in hand: `sent` → `in_progress`. */
  takeUp(p: Principal, province: Province, id: string): Promise<RequestDetail> {
    return this.change(p, province, id, 'unitRequests.handle', async (m, request) => {
      if (request.status !== 'sent') throw UnitRequestErrors.wrongStatus('tiếp nhận', STATUS_LABELS[request.status]);
      request.status = 'in_progress';
      await this.repository.record(m, request, { action: 'taken_up', actor: this.actor(p) });
      return [];
    });
  }

  /** Moves an open request on to another unit (with a reason); it waits there to be taken up. */
  forward(p: Principal, province: Province, id: string, unitCode: string, reason: string): Promise<RequestDetail> {
    return this.change(p, province, id, 'unitRequests.handle', async (m, request) => {
      if (!OPEN_REQUEST_STATUSES.includes(request.status)) throw UnitRequestErrors.wrongStatus('chuyển', STATUS_LABELS[request.status]);
      const to = await this.unitByCode(m, province.id, unitCode, 'unit', true);
      if (to.id === request.handlerUnitId) throw UnitRequestErrors.sameHandler();
      await this.repository.record(m, request, {
        action: 'forwarded',
        actor: this.actor(p),
        fromUnitId: request.handlerUnitId,
        toUnitId: to.id,
        note: reason,
      });
      request.handlerUnitId = to.id;
      request.status = 'sent';
      return this.tellHandlers(m, request, `${KIND_LABELS[request.kind]} ${this.numberOf(request)} được chuyển đến ${to.name}`);
    });
  }

  /** The answer, which closes the request and goes back to the sending unit. */
  answer(p: Principal, province: Province, id: string, answer: string): Promise<RequestDetail> {
    return this.change(p, province, id, 'unitRequests.handle', async (m, request) => {
      if (!OPEN_REQUEST_STATUSES.includes(request.status)) throw UnitRequestErrors.wrongStatus('trả lời', STATUS_LABELS[request.status]);
      request.status = 'answered';
      request.answer = answer.trim();
      request.answeredAt = new Date();
      await this.repository.record(m, request, { action: 'answered', actor: this.actor(p) });
      return this.tellSender(m, request, `${KIND_LABELS[request.kind]} ${this.numberOf(request)} đã được trả lời`, answer.trim());
    });
  }

  /** The sending unit takes an open request back, saying why. */
  withdraw(p: Principal, province: Province, id: string, reason: string): Promise<RequestDetail> {
    return this.change(p, province, id, 'unitRequests.send', async (m, request) => {
      if (!OPEN_REQUEST_STATUSES.includes(request.status)) throw UnitRequestErrors.wrongStatus('rút lại', STATUS_LABELS[request.status]);
      request.status = 'withdrawn';
      await this.repository.record(m, request, { action: 'withdrawn', actor: this.actor(p), note: reason });
      return this.tellHandlers(m, request, `${KIND_LABELS[request.kind]} ${this.numberOf(request)} đã được đơn vị gửi rút lại`);
    });
  }

  /** One change of a readable request, if `capability` holds for its side; locked, saved, told, mailed after commit. */
  private async change(
    p: Principal,
    province: Province,
    id: string,
    capability: 'unitRequests.handle' | 'unitRequests.send',
    apply: (m: EntityManager, request: UnitRequest) => Promise<Notification[]>,
  ): Promise<RequestDetail> {
    const { detail, sent } = await this.db.transaction(province.id, async (m) => {
      const request = await this.readable(m, p, province.id, id, true);
      const side = capability === 'unitRequests.handle' ? request.handlerUnitId : request.unitId;
      if (!holdsFor(p, capability, side ? await unitLineage(m, province.id, side) : [])) throw UnitRequestErrors.notYours();
      const sent = await apply(m, request);
      await this.repository.save(m, request);
      return { detail: await this.detail(m, p, province, request), sent };
    });
    await this.mail(sent);
    return detail;
  }

  /** Unit ids within reach of reading, or `all` for a province-wide role. */
  private async reachOf(m: EntityManager, p: Principal, tenantId: string): Promise<'all' | string[]> {
    const allowed: readonly string[] = CAPABILITIES['unitRequests.read'];
    const grants = p.memberships.filter((g) => allowed.includes(g.role));
    if (grants.some((g) => g.unitId === null)) return 'all';
    return (
      await unitSubtree(
        m,
        tenantId,
        grants.map((g) => g.unitId!),
      )
    ).map((u) => u.id);
  }

  /** The request, if the caller reads it from either side; otherwise as if it did not exist. */
  private async readable(m: EntityManager, p: Principal, tenantId: string, id: string, lock = false): Promise<UnitRequest> {
    const request = await this.repository.find(m, tenantId, id, lock);
    if (!request) throw UnitRequestErrors.notFound();
    const reads = async (unitId: string | null) => holdsFor(p, 'unitRequests.read', unitId ? await unitLineage(m, tenantId, unitId) : []);
    if ((await reads(request.unitId)) || (await reads(request.handlerUnitId))) return request;
    throw UnitRequestErrors.notFound();
  }

  private async unitByCode(m: EntityManager, tenantId: string, code: string, field: string, activeOnly: boolean): Promise<Unit> {
    const unit = await m.getRepository(Unit).findOneBy({ tenantId, code, ...(activeOnly ? { active: true } : {}) });
    if (!unit) throw UnitRequestErrors.unknownUnit(code, field);
    return unit;
  }

  /** The handling unit's head and editors (or, with none, the IT centre), in-app. */
  private async tellHandlers(m: EntityManager, request: UnitRequest, title: string): Promise<Notification[]> {
    const people = request.handlerUnitId
      ? await this.notifier.holders(
          m,
          request.tenantId,
          ['unit_head', 'unit_editor'],
          await unitLineage(m, request.tenantId, request.handlerUnitId),
        )
      : await this.notifier.holders(m, request.tenantId, ['tenant_admin'], []);
    return this.notifier.notify(m, request.tenantId, people, {
      kind: 'unit_request',
      title,
      body: `${this.numberOf(request)}: ${request.title}`,
      subject: { type: 'unit_request', id: request.id },
    });
  }

  /** Whoever sent it and the sending unit's head. */
  private async tellSender(m: EntityManager, request: UnitRequest, title: string, body: string): Promise<Notification[]> {
    const heads = await this.notifier.holders(m, request.tenantId, ['unit_head'], [request.unitId]);
    return this.notifier.notify(m, request.tenantId, [...(request.createdBy ? [request.createdBy] : []), ...heads], {
      kind: 'unit_request',
      title,
      body: body.length > 500 ? `${body.slice(0, 497)}…` : body,
      subject: { type: 'unit_request', id: request.id },
    });
  }

  private async mail(sent: Notification[]): Promise<void> {
    await this.notifier.mail(sent).catch((error: Error) => this.logger.warn({ err: error.message }, 'Could not queue request e-mails'));
  }

  private actor(p: Principal): { id: string; label: string } {
    const actor = actorOf(p);
    return { id: actor.id, label: p.displayName || actor.label };
  }

  private numberOf(r: UnitRequest): string {
    return `${KIND_PREFIXES[r.kind]}-${r.year}-${r.number}`;
  }

  private async summaries(m: EntityManager, province: Province, rows: UnitRequest[]): Promise<RequestSummary[]> {
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.flatMap((r) => [r.unitId, r.handlerUnitId]).filter((u): u is string => !!u))];
    const units = new Map((await m.getRepository(Unit).findBy({ tenantId: province.id, id: In(ids) })).map((u) => [u.id, u]));
    const ref = (id: string | null): UnitRef | null => {
      const unit = id ? units.get(id) : undefined;
      return unit ? { code: unit.code, name: unit.name } : null;
    };
    const today = todayIn(province.timezone);
    return rows.map((r) => ({
      id: r.id,
      number: this.numberOf(r),
      kind: r.kind,
      kindLabel: KIND_LABELS[r.kind],
      title: r.title,
      status: r.status,
      statusLabel: STATUS_LABELS[r.status],
      unit: ref(r.unitId)!,
      handler: ref(r.handlerUnitId),
      sentAt: r.createdAt,
      sentOn: r.sentOn,
      dueOn: r.dueOn,
      overdue: OPEN_REQUEST_STATUSES.includes(r.status) && today > r.dueOn,
    }));
  }

  private async detail(m: EntityManager, p: Principal, province: Province, r: UnitRequest): Promise<RequestDetail> {
    const [summary] = await this.summaries(m, province, [r]);
    const open = OPEN_REQUEST_STATUSES.includes(r.status);
    const handles = holdsFor(p, 'unitRequests.handle', r.handlerUnitId ? await unitLineage(m, province.id, r.handlerUnitId) : []);
    const sends = holdsFor(p, 'unitRequests.send', await unitLineage(m, province.id, r.unitId));
    const actions: DeskAction[] = [];
    if (handles && r.status === 'sent') actions.push('take-up');
    if (handles && open) actions.push('forward', 'answer');
    if (sends && open) actions.push('withdraw');
    const events = await this.repository.history(m, province.id, r.id);
    const unitIds = [...new Set(events.flatMap((e) => [e.fromUnitId, e.toUnitId]).filter((u): u is string => !!u))];
    const names = new Map(
      (unitIds.length ? await m.getRepository(Unit).findBy({ tenantId: province.id, id: In(unitIds) }) : []).map((u) => [u.id, u.name]),
    );
    const assets = new Map((await this.media.assets(m, province.id, r.attachmentIds)).map((a) => [a.id, a]));
    return {
      ...summary,
      description: r.description,
      attachments: r.attachmentIds
        .map((id) => assets.get(id))
        .filter((a) => !!a)
        .map((a) => ({ id: a.id, filename: a.filename, mime: a.mime, size: a.size })),
      answer: r.answer,
      answeredAt: r.answeredAt,
      history: events.map((e) => ({
        at: e.at,
        action: e.action,
        actionLabel: ACTION_LABELS[e.action],
        actor: e.actorLabel,
        fromUnit: e.fromUnitId ? (names.get(e.fromUnitId) ?? null) : null,
        toUnit: e.toUnitId ? (names.get(e.toUnitId) ?? null) : null,
        note: e.note,
      })),
      actions,
    };
  }
}
