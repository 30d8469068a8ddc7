import { api, ok, type Schemas } from '../api/client';

export type MediaAsset = Schemas['MediaAssetResponse'];

/** Where the public reads an upload once its item is published; items' bodies and fields link it so. */
export const publicMediaUrl = (id: string) => `/api/v1/public/media/${id}`;
const PUBLIC_MEDIA = /^\/api\/v1\/public\/media\/([0-9a-f-]{36})(?:\?.*)?$/i;
export const mediaIdOf = (src: string): string | undefined => PUBLIC_MEDIA.exec(src)?.[1];

/**
 * Sends one file to the media library (multipart, field "file"); the API checks its bytes and size.
 * Through the typed client, so the token, the province and a renewal on 401 are its middleware's.
 */
export function uploadMedia(file: File): Promise<MediaAsset> {
  const form = new FormData();
  form.append('file', file, file.name);
  return ok(api.POST('/api/v1/media', { body: form as never, bodySerializer: (body: unknown) => body as FormData }));
}

/**
 * An upload as staff see it before it is public (an <img> cannot send the bearer token): fetched
 * with the token, shown from a blob URL. The caller revokes the URL when done.
 */
export async function staffMediaUrl(id: string, width?: number): Promise<string> {
  const blob = await ok(api.GET('/api/v1/media/{id}/file', { params: { path: { id }, query: width ? { width } : {} }, parseAs: 'blob' }));
  return URL.createObjectURL(blob as Blob);
}
