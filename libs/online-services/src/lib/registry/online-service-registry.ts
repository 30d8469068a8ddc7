import { Injectable, Optional } from '@nestjs/common';
import { actorOf, holdsFor, Principal } from '@cong/accounts';
import { ContentItem } from '@cong/content';
import { AuditLog } from '@cong/platform-audit';
import { PublicResponseCache } from '@cong/platform-cache';
import { decodeCursor, nextCursor, TenantDatabase } from '@cong/platform-database';
import { Unit, unitLineage, unitSubtree } from '@cong/units';
import { EntityManager, In, QueryFailedError } from 'typeorm';
import { KIND_PREFIXES } from '../requests/unit-request-labels';
import { UnitRequest } from '../requests/unit-request.entity';
import {
  ACTION_OF_DECISION,
  DECIDABLE_FROM,
  Decision,
  DECISIONS,
  REASONED,
  SERVICE_LEVEL_LABELS,
  SERVICE_STATUS_LABELS,
  ServiceAction,
} from './online-service-labels';
import { OnlineService, OnlineServiceLevel, OnlineServiceStatus } from './online-service.entity';
import { OnlineServiceRepository } from './online-service.repository';
import { OnlineServiceErrors } from './online-services.errors';

export interface ServiceFilter {
  /** Of this unit (a code). */
  unit?: string;
  status?: OnlineServiceStatus;
  level?: OnlineServiceLevel;
  q?: string;
  limit: number;
  cursor?: string;
}

export interface ServiceInput {
  name: string;
  /** Its code on the National Public Service Portal; null clears it. */
  code?: string | null;
  level: OnlineServiceLevel;
  url?: string | null;
  /** The id of the procedure item it serves; null clears it. */
  procedure?: string | null;
  /** The id of the proposal it came from; null clears it. */
  request?: string | null;
}

export interface NewService extends ServiceInput {
  /** The providing unit's code. */
  unit: string;
}

export interface ServiceView {
  id: string;
  unit: { code: string; name: string };
  name: string;
  code: string | null;
  level: OnlineServiceLevel;
  levelLabel: string;
  url: string | null;
  procedure: { id: string; title: string } | null;
  request: { id: string; number: string } | null;
  status: OnlineServiceStatus;
  statusLabel: string;
  statusNote: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  registeredAt: Date;
  registeredBy: string;
  /** What the caller may do now. */
  actions: ServiceAction[];
}

/** A service as citizens see it: on the unit's sub-site and beside its procedure. */
export interface PublicOnlineService {
  name: string;
  code: string | null;
  level: OnlineServiceLevel;
  levelLabel: string;
  url: string;
  unitCode: string;
}

/**
 * The registry of a province's online public services (LC-2.1.3): units register the services
 * they choose to offer online (their head or editors); the editorial council (or the IT centre,
 * which compiles the registrations) accepts or declines each, and later suspends, resumes or
 * retires it. An active service has its link, is shown on its unit's sub-site and beside the
 * procedure it serves. Every change is in the audit log.
 */
@Injectable()
export class OnlineServiceRegistry {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: OnlineServiceRepository,
    private readonly audit: AuditLog,
    /** The portal shows active services: a change to one is seen there at once. */
    @Optional() private readonly cache?: PublicResponseCache,
  ) {}

  async list(p: Principal, tenantId: string, filter: ServiceFilter): Promise<{ items: ServiceView[]; nextCursor: string | null }> {
    const after = filter.cursor ? decodeCursor(filter.cursor, 'ONLINE_SERVICE_BAD_CURSOR') : undefined;
    return this.db.transaction(tenantId, async (m) => {
      const unitId = filter.unit ? (await this.unitByCode(m, tenantId, filter.unit, false)).id : undefined;
      const rows = await this.repository.page(m, tenantId, {
        unitId,
        status: filter.status,
        level: filter.level,
        q: filter.q,
        after,
        limit: filter.limit,
      });
      return {
        items: await this.views(m, p, tenantId, rows),
        nextCursor: nextCursor(rows, filter.limit, (r) => ({ at: r.createdAt, id: r.id })),
      };
    });
  }

  get(p: Principal, tenantId: string, id: string): Promise<ServiceView> {
    return this.db.transaction(tenantId, async (m) => this.viewOf(m, p, tenantId, await this.found(m, tenantId, id)));
  }

  /** A unit registers a service; it waits for the editorial council (`registered`). */
  async register(p: Principal, tenantId: string, input: NewService): Promise<ServiceView> {
    return this.db.transaction(tenantId, async (m) => {
      const unit = await this.unitByCode(m, tenantId, input.unit, true);
      if (!holdsFor(p, 'onlineServices.register', await unitLineage(m, tenantId, unit.id))) throw OnlineServiceErrors.notYours(input.unit);
      const links = await this.checked(m, tenantId, unit.id, input);
      const actor = this.actor(p);
      const service = await this.codeKept(
        input.code,
        this.repository.insert(m, {
          tenantId,
          unitId: unit.id,
          name: input.name.trim(),
          code: input.code?.trim() || null,
          level: input.level,
          url: input.url?.trim() || null,
          procedureItemId: links.procedureItemId ?? null,
          requestId: links.requestId ?? null,
          status: 'registered',
          statusNote: null,
          decidedAt: null,
          decidedBy: null,
          createdBy: actor.id,
          createdByLabel: actor.label,
        }),
      );
      await this.audit.record(m, {
        tenantId,
        action: 'services.registered',
        subjectType: 'online_service',
        subjectId: service.id,
        details: { unit: unit.code, name: service.name, code: service.code },
        actor,
      });
      return this.viewOf(m, p, tenantId, service);
    });
  }

  /**
   * The entry corrected: by the unit's people while it waits, by the council and the IT centre at
   * any time. Fields left out stay as they are.
   */
  async change(p: Principal, tenantId: string, id: string, input: Partial<ServiceInput>): Promise<ServiceView> {
    const { view, seen } = await this.db.transaction(tenantId, async (m) => {
      const service = await this.found(m, tenantId, id, true);
      const lineage = await unitLineage(m, tenantId, service.unitId);
      if (!this.may(p, service, lineage).has('edit')) {
        if (holdsFor(p, 'onlineServices.register', lineage)) throw OnlineServiceErrors.notEditable(service.status);
        throw OnlineServiceErrors.notYoursToChange();
      }
      const links = await this.checked(m, tenantId, service.unitId, input, service);
      const before = this.auditedFields(service);
      if (input.name !== undefined) service.name = input.name.trim();
      if (input.code !== undefined) service.code = input.code?.trim() || null;
      if (input.level !== undefined) service.level = input.level;
      if (input.url !== undefined) service.url = input.url?.trim() || null;
      if (input.procedure !== undefined) service.procedureItemId = links.procedureItemId ?? null;
      if (input.request !== undefined) service.requestId = links.requestId ?? null;
      if (service.status === 'active' && !service.url) throw OnlineServiceErrors.noUrl();
      const after = this.auditedFields(service);
      // Nothing changed: nothing saved, logged or cleared from the public cache.
      if (JSON.stringify(before) === JSON.stringify(after)) return { view: await this.viewOf(m, p, tenantId, service), seen: false };
      const saved = await this.codeKept(input.code, this.repository.save(m, service));
      await this.audit.record(m, {
        tenantId,
        action: 'services.changed',
        subjectType: 'online_service',
        subjectId: saved.id,
        details: { before, after },
        actor: this.actor(p),
      });
      return { view: await this.viewOf(m, p, tenantId, saved), seen: saved.status === 'active' };
    });
    if (seen) await this.cache?.invalidate(tenantId);
    return view;
  }

  /** The council's (or the IT centre's) decision: accept, decline, suspend, resume (accept again) or retire; a reason where it takes one. */
  async decide(p: Principal, tenantId: string, id: string, decision: Decision, note?: string): Promise<ServiceView> {
    const view = await this.db.transaction(tenantId, async (m) => {
      const service = await this.found(m, tenantId, id, true);
      if (!holdsFor(p, 'onlineServices.decide', [])) throw OnlineServiceErrors.cannotDecide();
      if (!DECIDABLE_FROM[decision].includes(service.status))
        throw OnlineServiceErrors.wrongStatus(service.status, SERVICE_STATUS_LABELS[decision]);
      if (REASONED.includes(decision) && !note?.trim()) throw OnlineServiceErrors.reasonRequired();
      if (decision === 'active' && !service.url) throw OnlineServiceErrors.noUrl();
      const actor = this.actor(p);
      const from = service.status;
      service.status = decision;
      service.statusNote = note?.trim() || null;
      service.decidedAt = new Date();
      service.decidedBy = actor.label;
      const saved = await this.repository.save(m, service);
      await this.audit.record(m, {
        tenantId,
        action: 'services.decided',
        subjectType: 'online_service',
        subjectId: saved.id,
        details: { from, to: decision, note: saved.statusNote },
        actor,
      });
      return this.viewOf(m, p, tenantId, saved);
    });
    // Into or out of `active`: the unit's sub-site and the procedure's page change.
    await this.cache?.invalidate(tenantId);
    return view;
  }

  /** The services offered online now, of one unit (its sub-site) or serving one procedure item (its page), by name. */
  publicServices(tenantId: string, where: { unitCode?: string; procedureItemId?: string }): Promise<PublicOnlineService[]> {
    return this.db.transaction(tenantId, async (m) => {
      const unit = where.unitCode ? await m.getRepository(Unit).findOneBy({ tenantId, code: where.unitCode, active: true }) : undefined;
      if (where.unitCode && !unit) return [];
      const rows = await this.repository.active(m, tenantId, { unitId: unit?.id, procedureItemId: where.procedureItemId });
      // Asked by unit, that unit is known; asked by procedure, the providing units are read once.
      const units = unit
        ? new Map([[unit.id, unit]])
        : await this.unitsOf(
            m,
            tenantId,
            rows.map((r) => r.unitId),
          );
      return rows
        .filter((r) => units.get(r.unitId)?.active)
        .map((r) => ({
          name: r.name,
          code: r.code,
          level: r.level,
          levelLabel: SERVICE_LEVEL_LABELS[r.level],
          url: r.url!,
          unitCode: units.get(r.unitId)!.code,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    });
  }

  /**
   * The code free, and the links the unit's own: a procedure item of the unit (or a unit below
   * it), a proposal the unit (or one below it) sent.
   */
  private async checked(
    m: EntityManager,
    tenantId: string,
    unitId: string,
    input: Partial<ServiceInput>,
    current?: OnlineService,
  ): Promise<{ procedureItemId?: string | null; requestId?: string | null }> {
    const code = input.code?.trim();
    // A code kept as it was (case aside), or on an entry declined or retired (which holds none), takes nothing from another.
    const kept = current && (current.code?.toLowerCase() === code?.toLowerCase() || ['declined', 'retired'].includes(current.status));
    if (code && !kept) {
      const holder = await this.repository.holderOfCode(m, tenantId, code, current?.id);
      if (holder) throw OnlineServiceErrors.codeTaken(code, holder.name);
    }
    if (input.procedure || input.request) {
      const own = new Set((await unitSubtree(m, tenantId, [unitId])).map((u) => u.id));
      if (input.procedure) {
        const item = await m.getRepository(ContentItem).findOneBy({ tenantId, id: input.procedure });
        if (!item || item.type !== 'procedure' || !own.has(item.unitId)) throw OnlineServiceErrors.notAProcedure();
      }
      if (input.request) {
        const request = await m.getRepository(UnitRequest).findOneBy({ tenantId, id: input.request });
        if (!request || request.kind !== 'proposal' || !own.has(request.unitId)) throw OnlineServiceErrors.notAProposal();
      }
    }
    return { procedureItemId: input.procedure, requestId: input.request };
  }

  /** Two registrations of one code at once: the second is refused as the check above would have. */
  private async codeKept<T>(code: string | null | undefined, write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (driver?.code === '23505' && driver.constraint === 'online_services_service_code')
        throw OnlineServiceErrors.codeTaken(code?.trim() ?? '');
      throw error;
    }
  }

  /** What the log keeps of a change. */
  private auditedFields(s: OnlineService) {
    return { name: s.name, code: s.code, level: s.level, url: s.url, procedure: s.procedureItemId, request: s.requestId };
  }

  /** What the caller may do with the entry now (`lineage`: the entry's unit and those above it). */
  private may(p: Principal, s: OnlineService, lineage: string[]): Set<ServiceAction> {
    const actions = new Set<ServiceAction>();
    const decides = holdsFor(p, 'onlineServices.decide', []);
    if (decides || (s.status === 'registered' && holdsFor(p, 'onlineServices.register', lineage))) actions.add('edit');
    if (decides) for (const d of DECISIONS) if (DECIDABLE_FROM[d].includes(s.status)) actions.add(ACTION_OF_DECISION[d]);
    return actions;
  }

  private async found(m: EntityManager, tenantId: string, id: string, lock = false): Promise<OnlineService> {
    const service = await this.repository.find(m, tenantId, id, lock);
    if (!service) throw OnlineServiceErrors.notFound();
    return service;
  }

  private async unitByCode(m: EntityManager, tenantId: string, code: string, activeOnly: boolean): Promise<Unit> {
    const unit = await m.getRepository(Unit).findOneBy({ tenantId, code, ...(activeOnly ? { active: true } : {}) });
    if (!unit) throw OnlineServiceErrors.unknownUnit(code);
    return unit;
  }

  private async unitsOf(m: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, Unit>> {
    if (ids.length === 0) return new Map();
    return new Map((await m.getRepository(Unit).findBy({ tenantId, id: In([...new Set(ids)]) })).map((u) => [u.id, u]));
  }

  private viewOf(m: EntityManager, p: Principal, tenantId: string, s: OnlineService): Promise<ServiceView> {
    return this.views(m, p, tenantId, [s]).then(([v]) => v!);
  }

  /** The entries as the API answers them: their units, procedures and proposals read once for the page. */
  private async views(m: EntityManager, p: Principal, tenantId: string, rows: OnlineService[]): Promise<ServiceView[]> {
    if (rows.length === 0) return [];
    const units = await this.unitsOf(
      m,
      tenantId,
      rows.map((r) => r.unitId),
    );
    const procedureIds = rows.flatMap((r) => (r.procedureItemId ? [r.procedureItemId] : []));
    const requestIds = rows.flatMap((r) => (r.requestId ? [r.requestId] : []));
    const procedures = new Map(
      (procedureIds.length ? await m.getRepository(ContentItem).findBy({ tenantId, id: In(procedureIds) }) : []).map((i) => [i.id, i]),
    );
    const requests = new Map(
      (requestIds.length ? await m.getRepository(UnitRequest).findBy({ tenantId, id: In(requestIds) }) : []).map((r) => [r.id, r]),
    );
    // The lineage decides what a unit's people may do: read once per unit of the page, and only when it can matter.
    const lineages = new Map<string, string[]>();
    if (!holdsFor(p, 'onlineServices.decide', []))
      for (const unitId of new Set(rows.filter((r) => r.status === 'registered').map((r) => r.unitId)))
        lineages.set(unitId, await unitLineage(m, tenantId, unitId));
    return Promise.all(
      rows.map(async (s) => {
        const unit = units.get(s.unitId);
        const procedure = s.procedureItemId ? procedures.get(s.procedureItemId) : undefined;
        const request = s.requestId ? requests.get(s.requestId) : undefined;
        return {
          id: s.id,
          unit: { code: unit?.code ?? '', name: unit?.name ?? '' },
          name: s.name,
          code: s.code,
          level: s.level,
          levelLabel: SERVICE_LEVEL_LABELS[s.level],
          url: s.url,
          procedure: procedure ? { id: procedure.id, title: procedure.title } : null,
          request: request ? { id: request.id, number: `${KIND_PREFIXES[request.kind]}-${request.year}-${request.number}` } : null,
          status: s.status,
          statusLabel: SERVICE_STATUS_LABELS[s.status],
          statusNote: s.statusNote,
          decidedAt: s.decidedAt,
          decidedBy: s.decidedBy,
          registeredAt: s.createdAt,
          registeredBy: s.createdByLabel,
          actions: [...this.may(p, s, lineages.get(s.unitId) ?? [])],
        };
      }),
    );
  }

  private actor(p: Principal): { id: string; label: string } {
    const actor = actorOf(p);
    return { id: actor.id, label: p.displayName || actor.label };
  }
}
