import { DomainError } from '@cong/platform-errors';
import sharp from 'sharp';
import { crc32 } from 'node:zlib';
import { checkUpload, CITIZEN_IMAGE_PIXELS, imageSize } from './upload-checks';

/** A PNG whose header claims `width`×`height` (its pixels are one): what a decompression bomb looks like to a reader of headers. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
      .png()
      .toBuffer(),
  );
  // IHDR is the first chunk: length (4), type (4), width (4), height (4), …, then its CRC over type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  const length = png.readUInt32BE(8);
  png.writeUInt32BE(crc32(png.subarray(12, 16 + length)), 16 + length);
  return png;
}

describe('upload checks, shared by content and citizens', () => {
  it('a renamed program, a kind not taken and an empty file are refused in Vietnamese', () => {
    const refusal = (name: string, bytes: Buffer) => {
      try {
        checkUpload(name, bytes);
        return null;
      } catch (error) {
        return [(error as DomainError).kind, (error as DomainError).message];
      }
    };
    expect(refusal('so-do.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]))).toEqual([
      'unsupported_media_type',
      expect.stringContaining('nội dung là exe, không phải .pdf'),
    ]);
    expect(refusal('chay.exe', Buffer.from('MZ'))).toEqual(['unsupported_media_type', expect.stringContaining('phần mở rộng .exe')]);
    expect(refusal('rong.pdf', Buffer.alloc(0))).toEqual(['bad_request', 'Tệp tải lên rỗng.']);
    expect(refusal('to-trinh.pdf', Buffer.from('%PDF-1.7\n%%EOF\n'))).toBeNull();
  });

  it("a citizen's image claiming more pixels than allowed is refused before it is drawn; staff's limit is sharp's own", async () => {
    const bomb = await pngClaiming(10_000, 5_000);
    expect(await imageSize(bomb)).toEqual({ width: 10_000, height: 5_000 });
    await expect(imageSize(bomb, CITIZEN_IMAGE_PIXELS)).rejects.toMatchObject({
      kind: 'unsupported_media_type',
      message: expect.stringContaining('ảnh quá lớn (hơn 40 triệu điểm ảnh)'),
    });
    expect(await imageSize(await pngClaiming(4_000, 3_000), CITIZEN_IMAGE_PIXELS)).toEqual({ width: 4_000, height: 3_000 });
  });
});
