import type { ErrorCode } from 'yaml';

/**
 * class-validator's own messages (English), by constraint, as a province's IT staff read them: in
 * Vietnamese, naming the YAML key as written. A ValidationError carries the message, not the
 * constraint's arguments, so each is matched against the library's default wording and its number
 * or list taken from there (as platform-errors does for request bodies, whose sentences name no
 * key). A message the schema wrote itself is Vietnamese already and kept as written.
 */
const DEFAULT_MESSAGES: Record<string, [RegExp, (arg: string) => string]> = {
  isString: [/ must be a string$/, () => 'phải là chuỗi ký tự'],
  minLength: [/ must be longer than or equal to (\d+) characters$/, (n) => `phải có ít nhất ${n} ký tự`],
  maxLength: [/ must be shorter than or equal to (\d+) characters$/, (n) => `không được dài quá ${n} ký tự`],
  isInt: [/ must be an integer number$/, () => 'phải là số nguyên'],
  isNumber: [/ must be a number conforming to the specified constraints$/, () => 'phải là một số'],
  min: [/ must not be less than (\S+)$/, (n) => `không được nhỏ hơn ${n}`],
  max: [/ must not be greater than (\S+)$/, (n) => `không được lớn hơn ${n}`],
  isBoolean: [/ must be a boolean value$/, () => 'phải là true hoặc false'],
  isArray: [/ must be an array$/, () => 'phải là một danh sách'],
  arrayMinSize: [/ must contain at least (\d+) elements$/, (n) => `phải có ít nhất ${n} mục`],
  arrayMaxSize: [/ must contain no more than (\d+) elements$/, (n) => `không được có quá ${n} mục`],
  arrayUnique: [/^All .*'s elements must be unique$/, () => 'không được có giá trị trùng nhau'],
  isIn: [/ must be one of the following values: (.*)$/, (list) => `phải là một trong: ${list}`],
  isDefined: [/ should not be null or undefined$/, () => 'không được để trống'],
  isNotEmpty: [/ should not be empty$/, () => 'không được để trống'],
  isIso8601: [/ must be a valid ISO 8601 date string$/, () => 'phải là một ngày dạng YYYY-MM-DD'],
  matches: [/ must match .* regular expression$/, () => 'không đúng định dạng'],
  isEmail: [/ must be an email$/, () => 'phải là địa chỉ thư điện tử'],
  nestedValidation: [/^nested property .* must be either object or array$/, () => 'phải là một đối tượng gồm các cặp khóa: giá trị'],
};

/** The constraints whose default message is translated (a spec checks the schema uses no other without a message). */
export const TRANSLATED_CONSTRAINTS = [...Object.keys(DEFAULT_MESSAGES), 'whitelistValidation', 'unknownValue'];

const EACH = 'each value in ';

/** The message of one failed constraint on `key`, in Vietnamese. */
export function fieldMessage(constraint: string, message: string, key: string): string {
  if (constraint === 'whitelistValidation') return `\`${key}\` không phải là khóa hợp lệ ở đây`;
  if (constraint === 'unknownValue') return key ? `\`${key}\` có giá trị không hợp lệ` : 'Giá trị không hợp lệ';
  const each = message.startsWith(EACH);
  const known = DEFAULT_MESSAGES[constraint];
  const matched = known && message.slice(each ? EACH.length : 0).match(known[0]);
  if (!matched) return message;
  const text = known[1](matched[1] ?? '');
  return each ? `Mỗi mục trong \`${key}\` ${text}` : `\`${key}\` ${text}`;
}

/** class-validator takes a list where a mapping belongs for the mapping's items; the loader does not. */
export function listForMappingMessage(key: string, item: boolean): string {
  const mapping = 'phải là một đối tượng gồm các cặp khóa: giá trị, không phải một danh sách';
  return item ? `Mỗi mục trong \`${key}\` ${mapping}` : `\`${key}\` ${mapping}`;
}

/** A missing field fails every constraint on it; this says so once. */
export function requiredMessage(key: string): string {
  return `Chưa khai báo \`${key}\` (bắt buộc)`;
}

/** What the common YAML syntax errors mean; the parser's own words follow in brackets. */
const YAML_ERRORS: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'khóa bị khai báo trùng',
  BAD_INDENT: 'thụt lề sai hoặc thiếu dấu đóng ngoặc',
  TAB_AS_INDENT: 'không được thụt lề bằng Tab, hãy dùng dấu cách',
  MISSING_CHAR: 'thiếu dấu đóng (ngoặc hoặc nháy)',
  BLOCK_AS_IMPLICIT_KEY: 'giá trị lồng nhau phải xuống dòng và thụt lề',
  MULTILINE_IMPLICIT_KEY: 'mỗi khóa phải nằm trên một dòng',
  MULTIPLE_DOCS: 'tệp chỉ được chứa một tài liệu YAML',
  UNEXPECTED_TOKEN: 'có ký tự không đúng chỗ',
};

export function yamlSyntaxMessage(code: ErrorCode, detail: string): string {
  const meaning = YAML_ERRORS[code];
  return `Lỗi cú pháp YAML: ${meaning ? `${meaning} (${detail})` : detail}`;
}

/** An alias (`*name`) stands for the value anchored `&name` earlier in the file. */
export function unresolvedAliasMessage(name: string): string {
  return `Lỗi cú pháp YAML: bí danh \`*${name}\` chưa có điểm neo \`&${name}\` nào ở phía trước`;
}

export function circularAliasMessage(name: string): string {
  return `Lỗi cú pháp YAML: bí danh \`*${name}\` nằm ngay trong giá trị mà điểm neo \`&${name}\` đặt tên, tạo thành vòng lặp`;
}

export function tooManyAliasesMessage(max: number): string {
  return `Tệp dùng bí danh YAML (\`*…\`) quá nhiều: khi mở ra vượt quá ${max} lần; hãy viết trực tiếp các giá trị thay vì lồng bí danh vào nhau`;
}

/** What else stops a parsed document from being read; the parser's own words follow in brackets. */
export function unreadableMessage(detail: string): string {
  return `Không đọc được nội dung tệp (${detail})`;
}
