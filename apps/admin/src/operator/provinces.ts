import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';

/** Every province as operators see it: domains, units, the rule version in force today. */
export function useProvinces() {
  return useQuery({ queryKey: ['operator', 'provinces'], queryFn: () => ok(api.GET('/api/v1/operator/tenants')) });
}

export const TENANT_STATUS_LABELS: Record<string, { label: string; tone: 'good' | 'warning' | 'neutral' }> = {
  active: { label: 'Đang hoạt động', tone: 'good' },
  onboarding: { label: 'Đang đưa lên', tone: 'warning' },
  suspended: { label: 'Tạm dừng', tone: 'neutral' },
};
