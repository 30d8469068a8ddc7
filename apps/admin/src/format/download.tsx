import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { ApiProblem } from '../api/client';

/** What an openapi-fetch call answers. */
export type Answer = { data?: unknown; error?: unknown; response: Response };

/** The file name a `content-disposition` header gives (`filename*=UTF-8''…` or `filename="…"`). */
export function filenameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded.trim());
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

/**
 * Saves a file the API answers (a report as XLSX or CSV): asked with the console's own client, so
 * the request carries the bearer token, read as a blob and handed to the browser through an object
 * URL, under the name the API gives it.
 */
export async function saveFile(call: Promise<Answer>, fallbackName: string): Promise<string> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiProblem.from(response.status, error);
  const name = filenameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A file's size as people read it: "350 KB", "1,2 MB". */
export function formatSize(bytes: number): string {
  const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${number.format(Math.max(1, Math.round(bytes / 1024)))} KB` : `${number.format(bytes / (1024 * 1024))} MB`;
}

/** A download started from a button: which file (a format, or a name) is on its way, and a refusal said in the API's words. */
export function useDownload() {
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: ({ call, fallbackName }: { format: string; call: () => Promise<Answer>; fallbackName: string }) =>
      saveFile(call(), fallbackName),
    onSuccess: (name) => void message.success(`Đã tải tệp ${name}.`),
    onError: (error) => void message.error(error instanceof ApiProblem ? error.message : 'Chưa tải được tệp.'),
  });
  return {
    start: download.mutate,
    busy: (format: string) => download.isPending && download.variables?.format === format,
  };
}

/** The two buttons under a report or a statement: the same figures as XLSX and as CSV. */
export function DownloadButtons({
  call,
  fallbackName,
  disabled,
}: {
  call: (format: 'xlsx' | 'csv') => Promise<Answer>;
  fallbackName: (format: 'xlsx' | 'csv') => string;
  disabled?: boolean;
}) {
  const download = useDownload();
  return (
    <Space wrap>
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button
          key={format}
          icon={format === 'xlsx' ? <FileExcelOutlined /> : <DownloadOutlined />}
          loading={download.busy(format)}
          disabled={disabled}
          onClick={() => download.start({ format, call: () => call(format), fallbackName: fallbackName(format) })}
        >
          Tải {format.toUpperCase()}
        </Button>
      ))}
    </Space>
  );
}
