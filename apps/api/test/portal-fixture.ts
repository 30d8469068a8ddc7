import { SAMPLE_FIELDS } from '@cong/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { Caller, invitedAccount } from './auth-session';
import { publishThrough } from './publishing';
import { SeededApi, seededApi } from './seeded-api';

/**
 * Markup that must never run on a page: the stored-XSS payloads the sanitiser is tested with, and
 * ones aimed at attributes and the title. They go into titles, summaries, bodies and plain fields.
 */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</title><script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  'javascript:alert(1)',
];

export interface PublishedItem {
  id: string;
  slug: string;
  site: string;
  type: string;
  title: string;
  version: number;
}

/** A province's content published through the workflow API, as production publishes it. */
export interface ProvinceContent {
  host: string;
  /** Every published item by a name the tests use. */
  items: Record<string, PublishedItem>;
  /** Sign-in tokens: the unit's editor and head, and the province's editorial board. */
  tokens: { editor: string; head: string; board?: string };
  caller: Caller;
  /** Publish one more item the way the others were. */
  publish(site: string, type: string, title: string, extra?: Record<string, unknown>): Promise<PublishedItem>;
}

export interface PortalFixture extends SeededApi {
  laoCai: ProvinceContent;
  ngheAn: ProvinceContent;
}

function province(caller: Caller, host: string, unit: string, tokens: ProvinceContent['tokens']): ProvinceContent {
  const all = [tokens.editor, tokens.head, ...(tokens.board ? [tokens.board] : [])];
  const publish = async (site: string, type: string, title: string, extra: Record<string, unknown> = {}): Promise<PublishedItem> => {
    const created = await caller.send(
      'POST',
      '/api/v1/content',
      { site, type, title, fields: SAMPLE_FIELDS[type as keyof typeof SAMPLE_FIELDS], ...(site === 'portal' ? { unit } : {}), ...extra },
      tokens.editor,
    );
    if (created.status !== 201) throw new Error(`creating "${title}" failed: ${created.text}`);
    const version = await publishThrough(caller, all, created.body.id);
    return { id: created.body.id, slug: created.body.slug, site, type, title: created.body.title, version };
  };
  return { host, items: {}, tokens, caller, publish };
}

/** A 1600×900 photo-like PNG, uploaded as the unit's editor: its id (the library makes 320/640/1280 WebP variants). */
export async function uploadImage(seeded: SeededApi, tenant: string, token: string, name: string): Promise<string> {
  const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2e7d32' } })
    .png()
    .toBuffer();
  const boundary = `----cong${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const body = Buffer.concat([head, png, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const headers = { 'x-tenant': tenant, authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` };
  const res = await seeded.api.request('/api/v1/media', { method: 'POST', headers, body });
  if (res.status !== 201) throw new Error(`upload failed: ${res.text}`);
  return res.body.id;
}

/**
 * Both seed provinces with content of every type, published through the workflow API by the
 * accounts that would publish it, a unit profile (NA-5.1), an image with its variants, a legal
 * document replaced by a later one, and items carrying XSS payloads.
 */
export async function portalFixture(): Promise<PortalFixture> {
  const seeded = await seededApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cong-portal-media-')) });
  const { lc, na, admin, naAdmin } = seeded;

  const lcTokens = {
    editor: await invitedAccount(lc, admin, 'bientap.yte', [{ role: 'unit_editor', unit: 'so-y-te' }]),
    head: await invitedAccount(lc, admin, 'giamdoc.yte', [{ role: 'unit_head', unit: 'so-y-te' }]),
    board: await invitedAccount(lc, admin, 'bbt.cong', [{ role: 'editorial_board' }]),
  };
  const naTokens = {
    editor: await invitedAccount(na, naAdmin, 'totin.taichinh', [{ role: 'unit_editor', unit: 'so-tai-chinh' }]),
    head: await invitedAccount(na, naAdmin, 'giamdoc.taichinh', [{ role: 'unit_head', unit: 'so-tai-chinh' }]),
  };
  const laoCai = province(lc, 'laocai.gov.vn', 'so-y-te', lcTokens);
  const ngheAn = province(na, 'nghean.gov.vn', 'so-tai-chinh', naTokens);

  const profile = await lc.send(
    'PUT',
    '/api/v1/units/so-y-te/profile',
    {
      functions: 'Tham mưu, giúp UBND tỉnh quản lý nhà nước về y tế',
      duties: 'Khám chữa bệnh, y tế dự phòng, dược, an toàn thực phẩm',
      address: '123 Đường Hoàng Liên, phường Cốc Lếu, TP Lào Cai',
      phone: '0214 3840 123',
      email: 'soyte@laocai.gov.vn',
      leaders: [{ name: 'Nguyễn Văn An', title: 'Giám đốc', phone: '0912 345 678' }],
      divisions: [
        { name: 'Bộ phận một cửa', phone: '0214 3840 999', handlesCitizens: true },
        { name: 'Phòng Nghiệp vụ Y', duties: 'Quản lý khám chữa bệnh' },
      ],
      fieldsOfActivity: ['Khám chữa bệnh', 'Y tế dự phòng'],
    },
    lcTokens.head,
  );
  if (profile.status !== 200) throw new Error(`profile failed: ${profile.text}`);

  const image = await uploadImage(seeded, 'lao-cai', lcTokens.editor, 'Toàn cảnh bệnh viện.png');
  const lcItems = laoCai.items;
  lcItems.news = await laoCai.publish('so-y-te', 'news', 'Khánh thành Bệnh viện Đa khoa tỉnh Lào Cai', {
    section: 'tin-tuc-thong-bao',
    summary: 'Bệnh viện 500 giường đi vào hoạt động tại thành phố Lào Cai.',
    body: `<p>Sáng nay, bệnh viện mới chính thức đón người bệnh.</p><p><img src="/api/v1/public/media/${image}" alt="Toàn cảnh bệnh viện"></p>`,
    fields: {
      author: 'Phóng viên',
      source: 'Báo Lào Cai',
      attachments: [
        { name: 'Ảnh khánh thành.png', media: image },
        { name: 'Báo cáo khánh thành', url: 'https://laocai.gov.vn/bc.pdf' },
      ],
    },
  });
  lcItems.announcement = await laoCai.publish('so-y-te', 'announcement', 'Thông báo lịch tiêm chủng tháng 12', {
    section: 'tin-tuc-thong-bao',
  });
  lcItems.report = await laoCai.publish('so-y-te', 'report', 'Báo cáo công tác y tế quý III');
  lcItems.thematic = await laoCai.publish('so-y-te', 'thematic', 'Chuyên đề phòng chống sốt xuất huyết');
  lcItems.page = await laoCai.publish('so-y-te', 'page', 'Sơ đồ tổ chức Sở Y tế', { section: 'co-cau-to-chuc' });
  lcItems.procedure = await laoCai.publish('so-y-te', 'procedure', 'Cấp giấy phép hoạt động khám bệnh, chữa bệnh', {
    section: 'thu-tuc-hanh-chinh',
    fields: { ...SAMPLE_FIELDS.procedure, field: 'Khám bệnh, chữa bệnh', implementingAgency: 'Sở Y tế Lào Cai' },
  });
  lcItems.laterDocument = await laoCai.publish('so-y-te', 'legal_document', 'Quy định về quản lý cổng thông tin điện tử', {
    section: 'van-ban-phap-quy',
    fields: { ...SAMPLE_FIELDS.legal_document, number: '15/2025/QĐ-UBND', issuedOn: '2025-03-01', effectiveFrom: '2025-03-15' },
  });
  lcItems.legalDocument = await laoCai.publish(
    'so-y-te',
    'legal_document',
    'Quy định trách nhiệm cung cấp thông tin cho Cổng giao tiếp điện tử',
    {
      section: 'van-ban-phap-quy',
      fields: { ...SAMPLE_FIELDS.legal_document, replacedBy: lcItems.laterDocument.id },
    },
  );
  lcItems.faq = await laoCai.publish('so-y-te', 'faq', 'Hỏi về thủ tục cấp phép hành nghề', { section: 'giao-tiep-truc-tuyen' });
  lcItems.investment = await laoCai.publish('so-y-te', 'investment_project', 'Dự án bệnh viện tư nhân tại Sa Pa', {
    section: 'du-an-keu-goi-dau-tu',
  });
  lcItems.portalNews = await laoCai.publish('portal', 'news', 'Sở Y tế Lào Cai gửi tin cho Cổng tỉnh', {
    summary: 'Tin đóng góp của Sở Y tế.',
  });
  lcItems.xss = await laoCai.publish('so-y-te', 'news', `Tin thử ${XSS_PAYLOADS.join(' ')}`, {
    section: 'tin-tuc-thong-bao',
    summary: XSS_PAYLOADS.join(' '),
    body: `<p>Nội dung</p>${XSS_PAYLOADS.join('<br>')}<a href="javascript:alert(1)">bấm</a><p style="x" onclick="alert(1)">đoạn</p>`,
    fields: {
      author: XSS_PAYLOADS[0],
      source: XSS_PAYLOADS[2],
      attachments: [{ name: XSS_PAYLOADS[1], url: 'https://laocai.gov.vn/x.pdf' }],
    },
  });

  const naItems = ngheAn.items;
  naItems.news = await ngheAn.publish('so-tai-chinh', 'news', 'Công khai ngân sách tỉnh Nghệ An quý IV', {
    section: 'tin-tuc',
    summary: 'Số liệu thu chi ngân sách quý IV.',
  });
  naItems.legalDocument = await ngheAn.publish(
    'so-tai-chinh',
    'legal_document',
    'Quy định cung cấp thông tin trên Trang thông tin điện tử tỉnh',
    {
      fields: {
        ...SAMPLE_FIELDS.legal_document,
        number: '108/2006/QĐ-UBND',
        issuingBody: 'UBND tỉnh Nghệ An',
        issuedOn: '2006-11-06',
        effectiveFrom: '2006-11-16',
      },
    },
  );
  naItems.procedure = await ngheAn.publish('so-tai-chinh', 'procedure', 'Thẩm định quyết toán vốn đầu tư', {
    fields: { ...SAMPLE_FIELDS.procedure, code: '2.002345', field: 'Tài chính đầu tư', implementingAgency: 'Sở Tài chính Nghệ An' },
  });
  // LC-2.1.3: Sở Y tế offers its procedure online; the sub-site's home and the procedure's page link it.
  const service = await lc.send(
    'POST',
    '/api/v1/online-services',
    {
      unit: 'so-y-te',
      name: 'Cấp giấy phép hoạt động khám bệnh, chữa bệnh',
      code: '1.001234',
      level: 'partial',
      url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001234',
      procedure: lcItems.procedure.id,
    },
    admin,
  );
  if (service.status !== 201) throw new Error(service.text);
  const accepted = await lc.send('POST', `/api/v1/online-services/${service.body.id}/decision`, { status: 'active' }, admin);
  if (accepted.status !== 200) throw new Error(accepted.text);
  return { ...seeded, laoCai, ngheAn };
}
