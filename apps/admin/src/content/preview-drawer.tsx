import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Drawer, Grid, Segmented, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiProblem, ok, type Schemas } from '../api/client';
import { formatInstant } from '../format/dates';

type PreviewRequest = Schemas['ContentPreviewRequest'];

/** The widths a preview is read at: a computer's text column, and the smallest phone we support. */
const WIDTHS = { desktop: '100%', phone: '360px' } as const;

/**
 * "Xem trước": the draft as it is in the form, rendered by the API with the portal's own item page
 * (the province's theme, navigation and footer) and shown in a frame, at a computer's or a phone's
 * width. Nothing is saved; what a save would refuse is refused here too, and `onRefused` puts the
 * messages next to their fields.
 */
export function PreviewDrawer({
  open,
  request,
  onClose,
  onRefused,
}: {
  open: boolean;
  /** The draft to show, read when the drawer opens. */
  request: () => PreviewRequest;
  onClose: () => void;
  onRefused: (problem: ApiProblem) => void;
}) {
  const screens = Grid.useBreakpoint();
  const [width, setWidth] = useState<keyof typeof WIDTHS>('desktop');
  const preview = useMutation({
    mutationFn: (body: PreviewRequest) => ok(api.POST('/api/v1/content/previews', { body })),
    onError: (error) => error instanceof ApiProblem && onRefused(error),
  });
  const { mutate, reset } = preview;

  useEffect(() => {
    if (open) mutate(request());
    else reset();
    // The draft is read once per opening: typing behind the drawer does not re-render it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const title = preview.variables?.title;
  return (
    <Drawer
      title="Xem trước"
      open={open}
      onClose={onClose}
      width={screens.md ? 'min(1100px, 92vw)' : '100%'}
      destroyOnHidden
      extra={
        preview.data && (
          <Space wrap>
            <Segmented
              aria-label="Độ rộng màn hình"
              value={width}
              onChange={(v) => setWidth(v as keyof typeof WIDTHS)}
              options={[
                { value: 'desktop', label: 'Máy tính' },
                { value: 'phone', label: 'Điện thoại' },
              ]}
            />
            <Button href={preview.data.url} target="_blank" rel="noopener">
              Mở trong thẻ mới
            </Button>
          </Space>
        )
      }
    >
      {preview.isPending && <Spin tip="Đang dựng trang xem trước…" fullscreen={false} />}
      {preview.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={preview.error instanceof ApiProblem ? preview.error.message : 'Chưa xem trước được.'}
          description={
            preview.error instanceof ApiProblem && preview.error.fields.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {preview.error.fields.map((f) => (
                  <li key={`${f.field}:${f.message}`}>{f.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      {preview.data && (
        <>
          <Typography.Paragraph type="secondary">
            Trang như người dân sẽ thấy khi tin được công bố. Chưa có gì được lưu; địa chỉ xem trước dùng được đến{' '}
            {formatInstant(preview.data.expiresAt)}.
          </Typography.Paragraph>
          <div style={{ display: 'flex', justifyContent: 'center', background: '#f0f0f0', padding: width === 'phone' ? 16 : 0 }}>
            <iframe
              src={preview.data.url}
              title={`Xem trước: ${title ?? ''}`}
              // No script runs in it anyway (the page's own policy); links open the live portal in a new tab.
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              style={{ width: WIDTHS[width], height: '75vh', border: '1px solid #8c8c8c', background: '#fff' }}
            />
          </div>
        </>
      )}
    </Drawer>
  );
}
