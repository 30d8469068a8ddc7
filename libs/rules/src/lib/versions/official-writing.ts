/** How Vietnamese officials write a date: `2027-03-31` → `31/03/2027`. */
export function dmy(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** Money as officials write it, with the Vietnamese thousands separator: 1234567 → `1.234.567`. */
export function money(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
