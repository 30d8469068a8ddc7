import { ValidateBy, ValidationOptions } from 'class-validator';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

function describe(values: readonly string[]): string {
  return values === WEEKDAYS ? 'MON…SUN' : values.join(', ');
}

/** The marker the JSON Schema generator reads to emit an `enum`. */
export const ONE_OF = 'oneOf';

/**
 * A value must be one of `values`; for a list field (`string[]`, with `@IsArray()`), every item.
 * Which it is comes from the field's declared type, as for the JSON Schema generator, so a
 * single-value field refuses a list (`kind: [city]`). For lists the message starts with the index
 * of the first bad item (`[2]: …`), which the loader moves into the path, so a province's IT staff
 * read ``schedules[0].weekdays[2]: `weekdays` không nhận giá trị "FRY": phải là một trong MON…SUN``.
 */
export function OneOf(values: readonly string[], options?: ValidationOptions): PropertyDecorator {
  const ok = (v: unknown) => typeof v === 'string' && values.includes(v);
  return (target, propertyName) => {
    const list = Reflect.getMetadata('design:type', target, propertyName) === Array;
    ValidateBy(
      {
        name: ONE_OF,
        constraints: [values],
        validator: {
          // Not a list where one is declared: @IsArray() says so; an item alone is still checked.
          validate: (value: unknown) => (Array.isArray(value) ? list && value.every(ok) : ok(value)),
          defaultMessage: (args) => {
            const value = args?.value;
            const property = `\`${args?.property}\``;
            if (Array.isArray(value) && !list)
              return `${property} chỉ nhận một giá trị, không nhận danh sách: phải là một trong ${describe(values)}`;
            const refused = (v: unknown) => `${property} không nhận giá trị ${JSON.stringify(v)}: phải là một trong ${describe(values)}`;
            if (Array.isArray(value)) {
              const i = value.findIndex((v) => !ok(v));
              return `[${i}]: ${refused(value[i])}`;
            }
            return refused(value);
          },
        },
      },
      options,
    )(target, propertyName);
  };
}
