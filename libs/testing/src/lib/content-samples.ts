import { CONTENT_TYPES } from '@cong/rules';

/** One valid set of fields per content type (NA-5, LC-2.1). */
export const SAMPLE_FIELDS: Record<(typeof CONTENT_TYPES)[number], Record<string, unknown>> = {
  news: { author: 'Phóng viên', source: 'Báo Lào Cai' },
  announcement: {},
  report: { attachments: [{ name: 'Báo cáo quý I', url: 'https://laocai.gov.vn/bc.pdf' }] },
  thematic: {},
  page: { pageKind: 'organisation-structure', chartImage: { name: 'Sơ đồ', url: 'https://laocai.gov.vn/so-do.png' } },
  procedure: {
    code: '1.001234',
    field: 'Đất đai',
    implementingAgency: 'Sở Tài nguyên và Môi trường',
    steps: [{ title: 'Nộp hồ sơ', description: 'Tại bộ phận một cửa' }, { title: 'Nhận kết quả' }],
    dossierComponents: [{ name: 'Đơn đề nghị', originals: 1, copies: 0 }],
    processingTime: '15 ngày làm việc',
    fee: 'Không',
    legalBasis: ['Luật Đất đai 2024'],
    forms: [{ name: 'Mẫu đơn', url: 'https://laocai.gov.vn/mau.docx' }],
  },
  legal_document: {
    number: '07/2006/QĐ-UBND',
    documentKind: 'quyet-dinh',
    issuingBody: 'UBND tỉnh Lào Cai',
    signer: 'Chủ tịch UBND tỉnh',
    issuedOn: '2006-02-09',
    effectiveFrom: '2006-02-24',
    abstract: 'Quy định trách nhiệm cung cấp thông tin cho Cổng giao tiếp điện tử Lào Cai',
  },
  faq: { question: 'Thủ tục cấp phép xây dựng cần gì?', answer: 'Đơn và bản vẽ.', askedOn: '2026-11-02' },
  investment_project: { location: 'Khu kinh tế cửa khẩu', field: 'Logistics', totalInvestment: 500000000000, open: true },
};
