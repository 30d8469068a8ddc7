import { session } from '../session/session-store';
import { ApiProblem, type Schemas } from '../api/client';

export type MediaAsset = Schemas['MediaAssetResponse'];

/** Where the public reads an upload once its item is published; items' bodies and fields link it so. */
export const publicMediaUrl = (id: string) => `/api/v1/public/media/${id}`;
const PUBLIC_MEDIA = /^\/api\/v1\/public\/media\/([0-9a-f-]{36})(?:\?.*)?$/i;
export const mediaIdOf = (src: string): string | undefined => PUBLIC_MEDIA.exec(src)?.[1];

function headers(): Record<string, string> {
  const { tokens, province, provinceFromHost } = session.current();
  const h: Record<string, string> = {};
  if (tokens) h.authorization = `Bearer ${tokens.accessToken}`;
  if (province && !provinceFromHost) h['x-tenant'] = province.code;
  return h;
}

/** Sends one file to the media library (multipart, field "file"); the API checks its bytes and size. */
export async function uploadMedia(file: File): Promise<MediaAsset> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response = await fetch('/api/v1/media', { method: 'POST', headers: headers(), body: form });
  if (response.status === 401 && (await session.renew()))
    response = await fetch('/api/v1/media', { method: 'POST', headers: headers(), body: form });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw ApiProblem.from(response.status, body);
  return body as MediaAsset;
}

/**
 * An upload as staff see it before it is public (an <img> cannot send the bearer token): fetched
 * with the token, shown from a blob URL. The caller revokes the URL when done.
 */
export async function staffMediaUrl(id: string, width?: number): Promise<string> {
  const query = width ? `?width=${width}` : '';
  let response = await fetch(`/api/v1/media/${id}/file${query}`, { headers: headers() });
  if (response.status === 401 && (await session.renew()))
    response = await fetch(`/api/v1/media/${id}/file${query}`, { headers: headers() });
  if (!response.ok) throw ApiProblem.from(response.status, await response.json().catch(() => undefined));
  return URL.createObjectURL(await response.blob());
}
