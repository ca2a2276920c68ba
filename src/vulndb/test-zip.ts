import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds zip archives for tests, including the broken and hostile ones no archiver will
 * produce: names that climb out with `..`, sizes that lie, bombs. Not used by the product.
 */
export interface ZipSpec {
  name: string;
  data: Buffer | string;
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8;
  /** Claims this uncompressed size in the headers instead of the real one. */
  declaredSize?: number;
}

export function makeZip(entries: readonly ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const fields = {
      method,
      crc: crc32(data),
      csize: body.length,
      usize: e.declaredSize ?? data.length,
      name,
    };
    const local = header(0x04034b50, fields, false, 0);
    locals.push(local, body);
    centrals.push(header(0x02014b50, fields, true, offset));
    offset += local.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

interface Fields {
  method: number;
  crc: number;
  csize: number;
  usize: number;
  name: Buffer;
}

// Layouts from PKWARE's APPNOTE.TXT, sections 4.3.7 (local) and 4.3.12 (central directory).
function header(signature: number, f: Fields, central: boolean, offset: number): Buffer {
  const b = Buffer.alloc((central ? 46 : 30) + f.name.length);
  let p = 0;
  const u16 = (v: number) => {
    b.writeUInt16LE(v, p);
    p += 2;
  };
  const u32 = (v: number) => {
    b.writeUInt32LE(v >>> 0, p);
    p += 4;
  };
  u32(signature);
  if (central) u16(20);
  u16(20);
  u16(0x0800); // UTF-8 names
  u16(f.method);
  u16(0); // 00:00:00
  u16((44 << 9) | (1 << 5) | 1); // 2024-01-01
  u32(f.crc);
  u32(f.csize);
  u32(f.usize);
  u16(f.name.length);
  u16(0);
  if (central) {
    u16(0);
    u16(0);
    u16(0);
    u32(0);
    u32(offset);
  }
  f.name.copy(b, p);
  return b;
}
