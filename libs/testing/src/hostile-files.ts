import { deflateRawSync } from 'node:zlib';

/*
 * Hostile documents, built by the tests themselves: small files that unpack, expand or nest far beyond what
 * their size suggests (issue 15, "Extraction has no limits").
 */

/** CRC-32 of a buffer, as ZIP headers want it. */
function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A ZIP archive of deflated entries (what Word writes). The CRC is skipped for entries over 1 MB (checking it
 * means inflating), and their sizes in the headers are `declaredSize` when given: a lie a reader must not trust.
 */
export function zip(entries: Record<string, Buffer | string>, declaredSize?: number): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = deflateRawSync(data, { level: 9 });
    const large = data.length > 1024 * 1024;
    const crc = large ? 0 : crc32(data);
    const size = large && declaredSize !== undefined ? declaredSize : data.length;
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, packed);
    central.push(entry, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A Word document whose body is the given paragraphs' XML, and other entries if given. */
export function docx(bodyXml: string | Buffer, others: Record<string, Buffer> = {}, declaredSize?: number): Buffer {
  const body = Buffer.isBuffer(bodyXml) ? bodyXml : Buffer.from(bodyXml);
  const document = Buffer.concat([
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    ),
    body,
    Buffer.from('</w:body></w:document>'),
  ]);
  return zip(
    { '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'word/document.xml': document, ...others },
    declaredSize,
  );
}

/** A .docx of `paragraphs` empty paragraphs (`<w:p/>`, 6 bytes each): ten million make 60 MB of XML in a ~60 KB file. */
export function docxBomb(paragraphs: number): Buffer {
  return docx(Buffer.alloc(paragraphs * 6, '<w:p/>'));
}

/** A PDF of objects given in order (object 1 the catalog); offsets and the cross-reference table computed. */
export function pdf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const textPage = (text: string) => {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
};

/** A PDF of `pages` pages, each saying its number in a sentence. */
export function pdfPages(pages: number): Buffer {
  // 1 catalog, 2 pages root, 3 font, then page + content pairs.
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, FONT];
  for (let i = 0; i < pages; i++)
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
      textPage(`This is page ${i + 1} of the report.`),
    );
  return pdf(objects);
}

/**
 * A page-tree bomb: every level of the page tree lists the level below twice, so `levels` objects declare
 * 2^levels pages, all the same one page (2^20 pages in about 2 KB).
 */
export function pdfPageTreeBomb(levels = 20): Buffer {
  // 1 catalog, 2 font, 3 content, 4 the page, then the levels from the bottom (5) to the root (4 + levels).
  const objects = [
    `<< /Type /Catalog /Pages ${4 + levels} 0 R >>`,
    FONT,
    textPage('The same page, again.'),
    `<< /Type /Page /Parent 5 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 2 0 R >> >> /Contents 3 0 R >>`,
  ];
  for (let level = 1; level <= levels; level++) {
    const below = level === 1 ? 4 : 4 + level - 1;
    const parent = level === levels ? '' : ` /Parent ${5 + level} 0 R`;
    objects.push(`<< /Type /Pages${parent} /Kids [${below} 0 R ${below} 0 R] /Count ${2 ** level} >>`);
  }
  return pdf(objects);
}

/** A page nested `depth` elements deep, with a paragraph of text at the bottom. */
export function deepHtml(depth: number, tag = 'div'): Buffer {
  return Buffer.from(
    `<!doctype html><html><head><title>Deep</title></head><body>${`<${tag}>`.repeat(depth)}<p>The minister said exports grew by 40 percent in 2021, more than in any year before.</p>${`</${tag}>`.repeat(depth)}</body></html>`,
  );
}
