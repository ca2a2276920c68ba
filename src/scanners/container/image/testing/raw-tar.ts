/**
 * Hand-made tar blocks for headers tar-stream's packer does not write: GNU long names ('L'),
 * oversized pax headers, base-256 sizes.
 */
export interface RawFields {
  name: string;
  size: number;
  type: string;
  gnu?: boolean;
  base256?: boolean;
}

function rawHeader(fields: RawFields): Buffer {
  const block = Buffer.alloc(512);
  block.write(fields.name.slice(0, 100), 0, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  if (!fields.base256 && fields.size < 0o77777777777)
    block.write(`${fields.size.toString(8).padStart(11, '0')}\0`, 124);
  else writeBase256(block, fields.size);
  block.write('00000000000\0', 136);
  block.write(fields.type, 156);
  block.write(fields.gnu ? 'ustar  \0' : 'ustar\x0000', 257, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of block) sum += b;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

function writeBase256(block: Buffer, size: number) {
  block[124] = 0x80;
  let n = size;
  for (let i = 135; i > 124; i--) {
    block[i] = n % 256;
    n = Math.floor(n / 256);
  }
}

/** A member: its header, its data padded to whole blocks. */
export function rawMember(fields: RawFields, data: Buffer = Buffer.alloc(0)): Buffer {
  const pad = (512 - (data.length % 512)) % 512;
  return Buffer.concat([rawHeader(fields), data, Buffer.alloc(pad)]);
}

/** A file under a GNU long name: an 'L' member holding the name, then the file itself. */
export function gnuLongNameFile(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(`${name}\0`);
  return Buffer.concat([
    rawMember({ name: '././@LongLink', size: nameBytes.length, type: 'L', gnu: true }, nameBytes),
    rawMember(
      { name: name.slice(0, 100), size: Buffer.byteLength(content), type: '0', gnu: true },
      Buffer.from(content),
    ),
  ]);
}

export const END_OF_ARCHIVE = Buffer.alloc(1024);
