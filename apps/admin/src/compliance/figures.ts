/** Figures as officials write them: 95,5 % · 351.000 đ · 1,5. */
const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export const percent = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '—' : `${number.format(rate)} %`;

export const money = (amount: number): string => `${whole.format(amount)} đ`;

export const decimal = (value: number): string => number.format(value);

/** A share of 1 (0.2) as a percentage (20 %). */
export const share = (value: number): string => `${number.format(value * 100)} %`;

/** Where an item was published, as the statements name the channel. */
export const CHANNEL_LABELS: Record<string, string> = { portal: 'Cổng', subsite: 'Chuyên trang' };
export const channelLabel = (channel: string): string => CHANNEL_LABELS[channel] ?? channel;
