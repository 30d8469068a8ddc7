import { ValidateBy, ValidationOptions } from 'class-validator';

/** WCAG 2.1 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Normal text needs 4.5:1 (WCAG 2.1 AA, 1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;

/** A `#rrggbb` colour that white text on it can be read against (4.5:1). Other shapes are left to @Matches. */
export function KeepsWhiteTextReadable(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'keepsWhiteTextReadable',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || !/^#[0-9a-f]{6}$/.test(value) || contrastRatio(value, '#ffffff') >= AA_TEXT_CONTRAST,
        defaultMessage: (args) =>
          `\`${args?.property}\` ${String(args?.value)} quá sáng: chữ trắng trên màu này có độ tương phản ${contrastRatio(String(args?.value), '#ffffff').toFixed(2)}:1, WCAG 2.1 AA cần ít nhất ${AA_TEXT_CONTRAST}:1 (hãy chọn màu đậm hơn)`,
      },
    },
    options,
  );
}
