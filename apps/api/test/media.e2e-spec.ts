import { SAMPLE_FIELDS } from '@cong/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ApiUnderTest } from './api-under-test';
import { Caller, invitedAccount } from './auth-session';
import { publishThrough } from './publishing';
import { SeededApi, seededApi } from './seeded-api';

function multipart(filename: string, bytes: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----cong${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('uploads: content sniffing, size limits per kind, image variants, storage', () => {
  let seeded: SeededApi;
  let api: ApiUnderTest;
  let admin: string;
  let naAdmin: string;

  beforeAll(async () => {
    seeded = await seededApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cong-media-')) });
    ({ api, admin, naAdmin } = seeded);
  });

  afterAll(() => seeded?.close());

  const upload = (filename: string, bytes: Buffer, tenant = 'lao-cai', token = admin) => {
    const { body, contentType } = multipart(filename, bytes);
    return api.request('/api/v1/media', {
      method: 'POST',
      headers: { 'x-tenant': tenant, authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
    });
  };

  it('resizes an image into widths, drops nothing a reader needs, and serves the variant asked for', async () => {
    const png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#c0392b' } })
      .png()
      .toBuffer();
    const res = await upload('Lễ hội.png', png);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'image', mime: 'image/png', width: 2000, height: 1000 });
    expect(res.body.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 1280]);
    const staff = { 'x-tenant': 'lao-cai', authorization: `Bearer ${admin}` };
    const file = await api.request(`/api/v1/media/${res.body.id}/file?width=600`, { headers: staff });
    expect(file.headers['content-type']).toBe('image/webp');
    expect(await sharp(file.raw).metadata()).toMatchObject({ format: 'webp', width: 640, height: 320 });
    const original = await api.request(`/api/v1/media/${res.body.id}/file`, { headers: staff });
    expect([original.status, original.headers['content-type'], original.headers['x-content-type-options']]).toEqual([
      200,
      'image/png',
      'nosniff',
    ]);
    expect(original.headers['cache-control']).toBe('private, no-store');
    expect((await api.request(`/api/v1/media/${res.body.id}/file`, { headers: { 'x-tenant': 'lao-cai' } })).status).toBe(401);
  });

  it('accepts PDF and real Office files', async () => {
    expect((await upload('Quyết định.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n'))).body).toMatchObject({
      kind: 'pdf',
      mime: 'application/pdf',
    });
    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from('[Content_Types].xml'),
      Buffer.alloc(40),
      Buffer.from('word/document.xml'),
    ]);
    expect((await upload('Báo cáo.docx', docx)).body).toMatchObject({ kind: 'word' });
  });

  it('refuses a renamed .exe (415), an unknown extension (415), a ZIP posing as .docx (415), oversized files (413), no file (400)', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const renamed = await upload('hoa-don.pdf', exe);
    expect([renamed.status, renamed.body.code]).toEqual([415, 'MEDIA_UNSUPPORTED_TYPE']);
    expect((await upload('setup.exe', exe)).status).toBe(415);
    const apk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('AndroidManifest.xml')]);
    expect((await upload('van-ban.docx', apk)).status).toBe(415);
    const bigImage = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(11 * 1024 * 1024)]);
    const tooBig = await upload('anh.png', bigImage);
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'MEDIA_TOO_LARGE']);
    const huge = await upload('tai-lieu.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    const boundary = 'cong-no-file';
    const noFile = await api.request('/api/v1/media', {
      method: 'POST',
      headers: { 'x-tenant': 'lao-cai', authorization: `Bearer ${admin}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nkhông có tệp\r\n--${boundary}--\r\n`,
    });
    expect([noFile.status, noFile.body.code]).toEqual([400, 'MEDIA_NO_FILE']);
    const json = await api.request('/api/v1/media', {
      method: 'POST',
      headers: { 'x-tenant': 'lao-cai', authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  it("issue 14: an upload of drafts only is not served to the public; a published item's is, until the item is withdrawn", async () => {
    const lc = new Caller(api, 'lao-cai');
    const editor = await invitedAccount(lc, admin, 'bientap.anh', [{ role: 'unit_editor', unit: 'so-y-te' }]);
    const head = await invitedAccount(lc, admin, 'giamdoc.anh', [{ role: 'unit_head', unit: 'so-y-te' }]);
    const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#16a085' } })
      .png()
      .toBuffer();
    const id = (await upload('tiem-chung.png', png, 'lao-cai', editor)).body.id as string;
    const publicFile = () => api.request(`/api/v1/public/media/${id}?width=320`, { headers: { 'x-tenant': 'lao-cai' } });
    const missing = await api.request(`/api/v1/public/media/${randomUUID()}`, { headers: { 'x-tenant': 'lao-cai' } });
    const answer = (r: { status: number; body: { code?: string } }) => [r.status, r.body.code];

    expect(answer(await publicFile())).toEqual(answer(missing));
    const item = (
      await lc.send(
        'POST',
        '/api/v1/content',
        {
          site: 'so-y-te',
          type: 'news',
          title: 'Tiêm chủng tại trạm y tế xã',
          body: `<p>Ảnh</p><img src="/api/v1/public/media/${id}" alt="Tiêm chủng">`,
        },
        editor,
      )
    ).body;
    expect(answer(await publicFile())).toEqual(answer(missing));

    const published = await lc.send('POST', `/api/v1/content/${item.id}/transitions`, { action: 'publish', version: 1 }, editor);
    expect(published.status).toBe(200);
    const served = await publicFile();
    expect([served.status, served.headers['content-type']]).toEqual([200, 'image/webp']);
    expect(served.headers['cache-control']).not.toMatch(/immutable/);

    const down = await lc.send(
      'POST',
      `/api/v1/content/${item.id}/transitions`,
      { action: 'take-down', version: published.body.version, comment: 'Ảnh chưa xin phép người dân' },
      head,
    );
    expect(down.status).toBe(200);
    expect(answer(await publicFile())).toEqual(answer(missing));
  });

  it("keeps a province's files to itself", async () => {
    const res = await upload('bao-cao.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect((await api.request(`/api/v1/public/media/${res.body.id}`, { headers: { 'x-tenant': 'nghe-an' } })).status).toBe(404);
    expect(
      (await api.request(`/api/v1/media/${res.body.id}`, { headers: { 'x-tenant': 'lao-cai', authorization: `Bearer ${admin}` } })).body
        .filename,
    ).toBe('bao-cao.pdf');
  });

  it('links uploads into items by id: checked against the province and the kind each place takes, public url filled in', async () => {
    const lc = new Caller(api, 'lao-cai');
    const pdf = (await upload('Quyết định 07.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'))).body.id as string;
    const chart = (
      await upload(
        'so-do.png',
        await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2980b9' } })
          .png()
          .toBuffer(),
      )
    ).body.id as string;
    const elsewhere = (await upload('nghe-an.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'), 'nghe-an', naAdmin)).body.id as string;

    const legal = await lc.send(
      'POST',
      '/api/v1/content',
      {
        site: 'so-tu-phap',
        type: 'legal_document',
        title: 'Quyết định về cung cấp thông tin',
        fields: { ...SAMPLE_FIELDS.legal_document, file: { name: 'Bản quét', media: pdf } },
      },
      admin,
    );
    expect(legal.status).toBe(201);
    expect(legal.body.fields.file).toEqual({ name: 'Bản quét', media: pdf, url: `/api/v1/public/media/${pdf}` });
    // Read back and saved again as it is: the same reference.
    const again = await lc.send(
      'PUT',
      `/api/v1/content/${legal.body.id}`,
      { expectedRevision: 1, title: legal.body.title, fields: legal.body.fields },
      admin,
    );
    expect([again.status, again.body.fields.file]).toEqual([200, legal.body.fields.file]);

    await publishThrough(
      lc,
      [await invitedAccount(lc, admin, 'truong.tuphap', [{ role: 'unit_head', unit: 'so-tu-phap' }])],
      legal.body.id,
    );
    const published = await api.request(`/api/v1/public/sites/so-tu-phap/items/${legal.body.slug}`, { headers: { 'x-tenant': 'lao-cai' } });
    const file = await api.request(published.body.fields.file.url, { headers: { 'x-tenant': 'lao-cai' } });
    expect([file.status, file.headers['content-type']]).toEqual([200, 'application/pdf']);

    const page = (fields: Record<string, unknown>) =>
      lc.send(
        'POST',
        '/api/v1/content',
        { site: 'so-tu-phap', type: 'page', title: 'Cơ cấu tổ chức', fields: { pageKind: 'organisation-structure', ...fields } },
        admin,
      );
    expect((await page({ chartImage: { name: 'Sơ đồ', media: chart } })).body.fields.chartImage.url).toBe(`/api/v1/public/media/${chart}`);
    const wrongKind = await page({ chartImage: { name: 'Sơ đồ', media: pdf } });
    expect([wrongKind.status, wrongKind.body.errors]).toEqual([
      422,
      [{ field: 'fields.chartImage.media', message: 'Cần một ảnh; tệp này là một tệp PDF.' }],
    ]);
    const otherProvince = await page({ chartImage: { name: 'Sơ đồ', media: elsewhere } });
    expect(otherProvince.body.errors).toEqual([
      { field: 'fields.chartImage.media', message: `Không có tệp tải lên ${elsewhere} trong tỉnh này.` },
    ]);
    const neither = await page({ chartImage: { name: 'Sơ đồ' } });
    expect(neither.body.errors).toEqual([{ field: 'fields.chartImage.url', message: 'Trường "fields.chartImage.url" là bắt buộc.' }]);
    expect((await page({ chartImage: { name: 'Sơ đồ', media: 'khong-phai-id' } })).body.errors).toEqual([
      { field: 'fields.chartImage.media', message: 'Phải là mã của một tệp đã tải lên.' },
    ]);
    const forms = await lc.send(
      'POST',
      '/api/v1/content',
      {
        site: 'so-tu-phap',
        type: 'procedure',
        title: 'Cấp phiếu lý lịch tư pháp',
        fields: {
          ...SAMPLE_FIELDS.procedure,
          forms: [
            { name: 'Tờ khai', media: pdf },
            { name: 'Ảnh', media: chart },
          ],
        },
      },
      admin,
    );
    expect(forms.body.errors).toEqual([
      { field: 'fields.forms[1].media', message: 'Cần một tệp PDF hoặc một tệp Word hoặc một tệp Excel; tệp này là một ảnh.' },
    ]);
  });

  it('names only another legal document of the province as the one that replaced a document', async () => {
    const lc = new Caller(api, 'lao-cai');
    const create = (fields: Record<string, unknown>) =>
      lc.send(
        'POST',
        '/api/v1/content',
        { site: 'so-tu-phap', type: 'legal_document', title: 'Quy định thay thế', fields: { ...SAMPLE_FIELDS.legal_document, ...fields } },
        admin,
      );
    const later = await create({ number: '09/2024/QĐ-UBND' });
    const news = await lc.send('POST', '/api/v1/content', { site: 'so-tu-phap', type: 'news', title: 'Một tin tức' }, admin);
    expect((await create({ replacedBy: later.body.id })).status).toBe(201);
    expect((await create({ replacedBy: news.body.id })).body.errors).toEqual([
      { field: 'fields.replacedBy', message: `Không có văn bản pháp luật ${news.body.id} trong tỉnh này.` },
    ]);
    const self = await lc.send(
      'PUT',
      `/api/v1/content/${later.body.id}`,
      { expectedRevision: 1, title: 'Quy định thay thế', fields: { ...SAMPLE_FIELDS.legal_document, replacedBy: later.body.id } },
      admin,
    );
    expect([self.status, self.body.errors]).toEqual([
      422,
      [{ field: 'fields.replacedBy', message: 'Văn bản không thể thay thế chính nó.' }],
    ]);
  });
});
