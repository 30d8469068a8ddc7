import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  getMetadataStorage,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  ValidationError,
  validateSync,
} from 'class-validator';
import * as schemaClasses from '../schema/all-classes';
import { ONE_OF } from '../schema/one-of.validator';
import { fieldMessage, TRANSLATED_CONSTRAINTS, yamlSyntaxMessage } from './validation-messages';

class Item {
  @IsString() name!: unknown;
}

/** One field per default message class-validator has for the constraints rule files use. */
class Probe {
  @IsString() title: unknown = 1;
  @MinLength(2) short: unknown = 'a';
  @MaxLength(3) long: unknown = 'abcd';
  @IsInt() whole: unknown = 1.5;
  @IsNumber() number: unknown = 'x';
  @Min(1) low: unknown = 0;
  @Max(10) high: unknown = 11;
  @IsBoolean() flag: unknown = 'yes';
  @IsArray() list: unknown = 'x';
  @ArrayMinSize(1) empty: unknown = [];
  @ArrayUnique() twice: unknown = ['a', 'a'];
  @IsString({ each: true }) names: unknown = ['a', 2];
  @IsIn(['a', 'b']) choice: unknown = 'c';
  @IsDefined() given: unknown = null;
  @IsISO8601() date: unknown = 'hôm qua';
  @Matches(/^x$/) pattern: unknown = 'y';
  @IsEmail() email: unknown = 'x';
  @ValidateNested() @Type(() => Item) nested: unknown = 5;
  @ValidateNested({ each: true }) @Type(() => Item) items: unknown = [5];
}

describe('problem messages of rule files', () => {
  it("translates class-validator's own messages, naming the key as the file writes it", () => {
    // An array item's error is its list's child, named by its index; the message names the list.
    const messagesOf = (errors: ValidationError[], list = ''): string[] =>
      errors.flatMap((e) => {
        const key = /^\d+$/.test(e.property) ? list : e.property;
        const own = Object.entries(e.constraints ?? {}).map(([constraint, raw]) => fieldMessage(constraint, raw, key));
        return [...own, ...messagesOf(e.children ?? [], key)];
      });
    expect(messagesOf(validateSync(new Probe()))).toEqual([
      '`title` phải là chuỗi ký tự',
      '`short` phải có ít nhất 2 ký tự',
      '`long` không được dài quá 3 ký tự',
      '`whole` phải là số nguyên',
      '`number` phải là một số',
      '`low` không được nhỏ hơn 1',
      '`high` không được lớn hơn 10',
      '`flag` phải là true hoặc false',
      '`list` phải là một danh sách',
      '`empty` phải có ít nhất 1 mục',
      '`twice` không được có giá trị trùng nhau',
      'Mỗi mục trong `names` phải là chuỗi ký tự',
      '`choice` phải là một trong: a, b',
      '`given` không được để trống',
      '`date` phải là một ngày dạng YYYY-MM-DD',
      '`pattern` không đúng định dạng',
      '`email` phải là địa chỉ thư điện tử',
      '`nested` phải là một đối tượng gồm các cặp khóa: giá trị',
      'Mỗi mục trong `items` phải là một đối tượng gồm các cặp khóa: giá trị',
    ]);
    expect(fieldMessage('whitelistValidation', 'property colour should not exist', 'colour')).toBe(
      '`colour` không phải là khóa hợp lệ ở đây',
    );
    // A message the schema wrote itself is kept.
    expect(fieldMessage('matches', '`code` phải gồm chữ thường', 'code')).toBe('`code` phải gồm chữ thường');
  });

  it('every constraint of the rule-file schema speaks Vietnamese: its own message, or a default translated above', () => {
    // Validators of the rules that word their own messages, and @IsOptional(), which has none.
    const ownWording = [ONE_OF, 'keepsWhiteTextReadable', 'isOptional', 'conditionalValidation'];
    const classDefault = /^(each value in )?nested property /;
    const vietnamese = /[àáảãạâầấẩẫậăằắẳẵặđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
    const english = Object.values(schemaClasses).flatMap((type) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(type, '', true, false)
        .filter((m) => {
          const constraint = m.name ?? m.type;
          if (ownWording.includes(constraint)) return false;
          if (typeof m.message === 'string' && !classDefault.test(m.message)) return !vietnamese.test(m.message);
          return !TRANSLATED_CONSTRAINTS.includes(constraint);
        })
        .map((m) => `${type.name}.${m.propertyName}: ${m.name ?? m.type}`),
    );
    expect(english).toEqual([]);
  });

  it("says what a YAML syntax error means, keeping the parser's words", () => {
    expect(yamlSyntaxMessage('TAB_AS_INDENT', 'Tabs are not allowed as indentation')).toBe(
      'Lỗi cú pháp YAML: không được thụt lề bằng Tab, hãy dùng dấu cách (Tabs are not allowed as indentation)',
    );
    expect(yamlSyntaxMessage('BAD_ALIAS', 'Alias cannot be an empty string')).toBe('Lỗi cú pháp YAML: Alias cannot be an empty string');
  });
});
