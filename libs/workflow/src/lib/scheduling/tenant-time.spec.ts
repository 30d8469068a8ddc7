import { formatTenantTime, parseTenantTime } from './tenant-time';

describe('times as officials enter and read them (Asia/Ho_Chi_Minh)', () => {
  const zone = 'Asia/Ho_Chi_Minh';

  it('reads a time without an offset as province wall-clock time, and one with an offset as that instant', () => {
    expect(parseTenantTime('2026-11-25T08:00', zone, 'publishAt').toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(parseTenantTime('2026-11-25T08:00:30', zone, 'publishAt').toISOString()).toBe('2026-11-25T01:00:30.000Z');
    expect(parseTenantTime('2026-11-25T08:00+07:00', zone, 'publishAt').toISOString()).toBe('2026-11-25T01:00:00.000Z');
    expect(parseTenantTime('2026-11-25T01:00Z', zone, 'publishAt').toISOString()).toBe('2026-11-25T01:00:00.000Z');
  });

  it('refuses what is not a date and time, naming the field', () => {
    for (const bad of ['25/11/2026 08:00', '2026-11-25', '2026-02-30T08:00', 'tomorrow', '2026-11-25T25:00']) {
      expect(() => parseTenantTime(bad, zone, 'unpublishAt')).toThrow(
        expect.objectContaining({ code: 'WORKFLOW_SCHEDULE_INVALID', fields: [expect.objectContaining({ field: 'unpublishAt' })] }),
      );
    }
  });

  it('shows a moment as the province reads it', () => {
    expect(formatTenantTime(new Date('2026-11-24T17:30:00Z'), zone)).toBe('25/11/2026 00:30 (GMT+7)');
    expect(formatTenantTime(null, zone)).toBeNull();
  });
});
