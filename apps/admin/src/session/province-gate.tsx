import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, List, Spin, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { ApiProblem } from '../api/client';
import { PLATFORM, type Province, session, useSession } from './session-store';

/** The national operators' console lives at /admin/quoc-gia, on a host that is no province's. */
export const OPERATOR_PATH = '/quoc-gia';
const onOperatorPath = () =>
  window.location.pathname === `/admin${OPERATOR_PATH}` || window.location.pathname.startsWith(`/admin${OPERATOR_PATH}/`);

/** The province of this host, or of the code the picker remembered; null when none is named (a query's data cannot be undefined). */
async function findProvince(): Promise<{ province: Province; fromHost: boolean } | null> {
  const fromHost = await fetch('/api/v1/tenant', { headers: { accept: 'application/json' } });
  if (fromHost.ok) {
    if (onOperatorPath())
      throw new ApiProblem(404, 'OPERATOR_ON_PROVINCE_HOST', 'Trang điều hành quốc gia không mở trên tên miền của tỉnh.');
    return { province: (await fromHost.json()) as Province, fromHost: true };
  }
  if (fromHost.status === 404 && onOperatorPath()) return { province: PLATFORM, fromHost: true };
  if (fromHost.status !== 404) throw ApiProblem.from(fromHost.status, await fromHost.json().catch(() => undefined));
  const picked = session.pickedProvinceCode();
  if (!picked) return null;
  const byCode = await fetch('/api/v1/tenant', { headers: { accept: 'application/json', 'x-tenant': picked } });
  if (byCode.ok) return { province: (await byCode.json()) as Province, fromHost: false };
  session.forgetProvince();
  return null;
}

interface ProvinceListing {
  code: string;
  name: string;
}

/** Development: the console opened on a host that names no province (localhost) lists them. */
function ProvincePicker() {
  const provinces = useQuery({
    queryKey: ['province-directory'],
    queryFn: async () => {
      const response = await fetch('/api/v1/tenants/directory', { headers: { accept: 'application/json' } });
      if (!response.ok) throw ApiProblem.from(response.status, await response.json().catch(() => undefined));
      return (await response.json()) as ProvinceListing[];
    },
  });
  const pick = async (code: string) => {
    const response = await fetch('/api/v1/tenant', { headers: { accept: 'application/json', 'x-tenant': code } });
    if (response.ok) session.setProvince((await response.json()) as Province, false);
  };
  return (
    <main className="cong-centre">
      <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>Chọn tỉnh để đăng nhập</h1>}>
        <Typography.Paragraph>
          Địa chỉ này không thuộc tên miền của tỉnh nào. Trên máy phát triển, hãy chọn tỉnh bên dưới; khi triển khai, mỗi tỉnh mở trang quản
          trị trên tên miền của mình.
        </Typography.Paragraph>
        <Typography.Paragraph>
          Cán bộ điều hành quốc gia: <a href={`/admin${OPERATOR_PATH}`}>đăng nhập trang điều hành quốc gia</a>.
        </Typography.Paragraph>
        {provinces.isError ? (
          <Alert type="error" showIcon message={provinces.error.message} />
        ) : (
          <List
            loading={provinces.isLoading}
            dataSource={provinces.data ?? []}
            renderItem={(p) => (
              <List.Item>
                <Button type="link" onClick={() => void pick(p.code)}>
                  {p.name}
                </Button>
              </List.Item>
            )}
          />
        )}
      </Card>
    </main>
  );
}

/** Everything in the console belongs to one province: it is known before anything else shows. */
export function ProvinceGate({ children }: { children: ReactNode }) {
  const { province } = useSession();
  const found = useQuery({ queryKey: ['province'], queryFn: findProvince, retry: false, staleTime: Infinity });
  useEffect(() => {
    if (found.data) session.setProvince(found.data.province, found.data.fromHost);
  }, [found.data]);

  useEffect(() => {
    if (province) document.title = `Quản trị — ${province.name}`;
  }, [province]);

  if (found.isError)
    return (
      <main className="cong-centre">
        <Alert type="error" showIcon message="Không mở được trang quản trị" description={found.error.message} />
      </main>
    );
  if (province) return <>{children}</>;
  if (found.isLoading || found.data)
    return (
      <main className="cong-centre" aria-busy="true">
        <Spin tip="Đang tải…" size="large">
          <div style={{ width: 120, height: 60 }} />
        </Spin>
      </main>
    );
  return <ProvincePicker />;
}
