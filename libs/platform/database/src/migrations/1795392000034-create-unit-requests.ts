import { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTable, isolateTenantTable, releaseAppendOnlyTable, releaseTenantTable } from '../lib/tenant-isolation.sql';

/**
 * Units' proposals and problem reports to the province (libs/online-services; NA-8.5, LC-2.1.3),
 * and their history. Attachments are files of the media library, referenced by id.
 */
export class CreateUnitRequests1795392000034 implements MigrationInterface {
  name = 'CreateUnitRequests1795392000034';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE online_services_request (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      kind text NOT NULL CHECK (kind IN ('proposal', 'problem')),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
      number integer NOT NULL CHECK (number > 0),
      unit_id uuid NOT NULL,
      handler_unit_id uuid,
      -- The API asks 5 and 10 characters at least (in UTF-16 units); here a floor that can never refuse what it took.
      title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
      description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 20000),
      attachment_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(attachment_ids) <= 5),
      status text NOT NULL CHECK (status IN ('sent', 'in_progress', 'answered', 'withdrawn')),
      sent_on date NOT NULL,
      due_on date NOT NULL CHECK (due_on >= sent_on),
      answer text CHECK (length(answer) <= 20000),
      answered_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, kind, year, number),
      CHECK ((status = 'answered') = (answer IS NOT NULL AND answered_at IS NOT NULL)),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units_unit (tenant_id, id),
      FOREIGN KEY (tenant_id, handler_unit_id) REFERENCES units_unit (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX online_services_request_list ON online_services_request (tenant_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX online_services_request_unit ON online_services_request (tenant_id, unit_id, created_at DESC)`);
    await q.query(`CREATE INDEX online_services_request_handler ON online_services_request (tenant_id, handler_unit_id, created_at DESC)`);
    for (const sql of isolateTenantTable('online_services_request', ['SELECT', 'INSERT', 'UPDATE'])) await q.query(sql);

    await q.query(`CREATE TABLE online_services_request_event (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenancy_tenant (id),
      request_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL CHECK (action IN ('sent', 'taken_up', 'forwarded', 'answered', 'withdrawn')),
      actor_id uuid,
      actor_label text NOT NULL,
      from_unit_id uuid,
      to_unit_id uuid,
      note text CHECK (length(note) <= 2000),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, request_id) REFERENCES online_services_request (tenant_id, id)
    )`);
    await q.query(`CREATE INDEX online_services_request_event_request ON online_services_request_event (tenant_id, request_id, at)`);
    for (const sql of isolateTenantTable('online_services_request_event', ['SELECT', 'INSERT'])) await q.query(sql);
    for (const sql of appendOnlyTable('online_services_request_event')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of releaseAppendOnlyTable('online_services_request_event')) await q.query(sql);
    for (const sql of releaseTenantTable('online_services_request_event')) await q.query(sql);
    await q.query(`DROP TABLE online_services_request_event`);
    for (const sql of releaseTenantTable('online_services_request')) await q.query(sql);
    await q.query(`DROP TABLE online_services_request`);
  }
}
