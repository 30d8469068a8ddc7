/** An instant as officials write it, in the province's zone: `02/12/2026 18:30` (with `:05` seconds when asked). */
export function instantIn(timezone: string, options: { seconds?: boolean } = {}): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
  return (at) => format.format(at).replace(', ', ' ');
}
