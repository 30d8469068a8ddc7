import { ValidateBy, ValidationOptions } from 'class-validator';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

function describe(values: readonly string[]): string {
  return values === WEEKDAYS ? 'MON…SUN' : values.join(', ');
}

/** The marker the JSON Schema generator reads to emit an `enum`. */
export const ONE_OF = 'oneOf';

/**
 * A value (or, for an array, every item) must be one of `values`. For arrays the message starts
 * with the index of the first bad item (`[2]: …`), which the loader moves into the path, so a
 * province's IT staff read ``schedules[0].weekdays[2]: `weekdays` không nhận giá trị "FRY": phải là
 * một trong MON…SUN``.
 */
export function OneOf(values: readonly string[], options?: ValidationOptions) {
  const ok = (v: unknown) => typeof v === 'string' && values.includes(v);
  return ValidateBy(
    {
      name: ONE_OF,
      constraints: [values],
      validator: {
        validate: (value: unknown) => (Array.isArray(value) ? value.every(ok) : ok(value)),
        defaultMessage: (args) => {
          const value = args?.value;
          const refused = (v: unknown) =>
            `\`${args?.property}\` không nhận giá trị ${JSON.stringify(v)}: phải là một trong ${describe(values)}`;
          if (Array.isArray(value)) {
            const i = value.findIndex((v) => !ok(v));
            return `[${i}]: ${refused(value[i])}`;
          }
          return refused(value);
        },
      },
    },
    options,
  );
}
