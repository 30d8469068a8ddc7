import { ErrorKind, FieldProblem } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  locked: 423,
  too_many_requests: 429,
  unavailable: 503,
};

/** Titles in the users' language, one per status. */
export const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa xác thực',
  403: 'Không có quyền truy cập',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  406: 'Không thể đáp ứng định dạng yêu cầu',
  409: 'Xung đột dữ liệu',
  410: 'Không còn tồn tại',
  413: 'Dữ liệu gửi lên quá lớn',
  414: 'Địa chỉ yêu cầu quá dài',
  415: 'Định dạng dữ liệu không được hỗ trợ',
  422: 'Dữ liệu không hợp lệ',
  423: 'Tài khoản hoặc tài nguyên đang bị khóa',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi hệ thống',
  503: 'Dịch vụ tạm thời không khả dụng',
};

/** RFC 9457 problem details, with the platform's extension members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

export function problemType(code: string): string {
  return `urn:cong:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
