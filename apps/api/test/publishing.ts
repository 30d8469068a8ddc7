import { ContentItem, ContentPublisher } from '@cong/content';
import { AuditLog } from '@cong/platform-audit';
import { TenantDatabase } from '@cong/platform-database';
import { Caller } from './auth-session';

/**
 * Pushes an item through its province's workflow over HTTP, as production publishes it: each step
 * takes the first of publish, approve and submit that one of the accounts may take, until the item
 * is published. Lào Cai's portal contributions get a genre of its royalty table when approved
 * (LC-3.1c). Returns the item's version once published.
 */
export async function publishThrough(caller: Caller, tokens: string[], id: string): Promise<number> {
  for (let step = 0; step < 4; step++) {
    for (const token of tokens) {
      const view = await caller.send('GET', `/api/v1/content/${id}/workflow`, undefined, token);
      if (view.status !== 200) continue;
      if (view.body.state.phase === 'published') return view.body.version;
      const actions = (view.body.actions as { action: string }[]).map((a) => a.action);
      const action = ['publish', 'approve', 'submit'].find((a) => actions.includes(a));
      if (!action) continue;
      const extra = action === 'approve' && caller.tenantCode === 'lao-cai' ? { royalty: { genre: 'tin-co-anh' } } : {};
      const moved = await caller.send('POST', `/api/v1/content/${id}/transitions`, { action, version: view.body.version, ...extra }, token);
      if (moved.status !== 200) throw new Error(`${action} of ${id} failed: ${moved.text}`);
      if (moved.body.status === 'published') return moved.body.version;
      break;
    }
  }
  throw new Error(`item ${id} could not be published with the accounts given`);
}

/** Takes a published item down through its workflow (`take-down`, with its reason). */
export async function takeDown(caller: Caller, token: string, id: string, reason: string): Promise<void> {
  const view = await caller.send('GET', `/api/v1/content/${id}/workflow`, undefined, token);
  const down = await caller.send(
    'POST',
    `/api/v1/content/${id}/transitions`,
    { action: 'take-down', version: view.body.version, comment: reason },
    token,
  );
  if (down.status !== 200) throw new Error(`take-down of ${id} failed: ${down.text}`);
}

/**
 * Facts in the past: compliance counts what was published on given days, and production publishes
 * only now (through the workflow). The publication is recorded as a workflow step records it
 * (ContentPublisher.record: status, time, audit), dated `at`.
 */
export async function publishedAt(db: TenantDatabase, tenantId: string, id: string, at: Date): Promise<void> {
  await db.transaction(tenantId, async (m) => {
    const item = await m.getRepository(ContentItem).findOneByOrFail({ tenantId, id });
    await new ContentPublisher(new AuditLog()).record(m, { id: null, label: 'test-fixture (dated publication)' }, tenantId, item, {
      status: 'published',
      at,
    });
  });
}

/** An item of `site` created by `token`'s account and published at a Hà Nội time (`2026-11-23T09:00`). */
export async function postedAt(
  caller: Caller,
  db: TenantDatabase,
  tenantId: string,
  token: string,
  site: string,
  local: string,
  type = 'news',
  fields?: Record<string, unknown>,
): Promise<string> {
  const item = await caller.send(
    'POST',
    '/api/v1/content',
    { site, type, title: `Tin ${site} ${local}`, ...(fields ? { fields } : {}) },
    token,
  );
  if (item.status !== 201) throw new Error(item.text);
  await publishedAt(db, tenantId, item.body.id, new Date(`${local}+07:00`));
  return item.body.id as string;
}
