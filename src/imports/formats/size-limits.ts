/**
 * How big a document the importer takes, checked before it is read: a file
 * over 20 MB, and a .docx/.xlsx archive whose entries unzip past 100 MB,
 * are refused with a Chinese answer before anything is expanded. The
 * archive's central directory gives the sizes its entries claim; each
 * entry is then inflated (and thrown away) to check the claim, so a header
 * that lies about a zip bomb is caught before a reader trusts it. A 3 MB
 * .xlsx once took 3.4 GB of memory to read.
 */
import { createInflateRaw } from 'node:zlib';

/** The largest file read, in bytes. Plans are rarely over 1 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The most a .docx/.xlsx may unzip to, in bytes, all entries together. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

/** A document refused for its size or shape; its message is the Chinese answer. */
export class DocumentRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentRefused';
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Refuses a file over MAX_FILE_BYTES, by its size alone. */
export function checkFileSize(fileName: string, size: number): void {
  if (size <= MAX_FILE_BYTES) return;
  throw new DocumentRefused(
    `${fileName}：文件有 ${megabytes(size)}，超过了 ${megabytes(MAX_FILE_BYTES)} 的上限，没有导入。分工方案通常不到 1 MB：请删去文件中的图片、附件和与任务无关的工作表，另存后再导入。`,
  );
}

/** The answer for an archive that unzips past the limit (or claims less than it holds). */
function tooBigWhenUnzipped(fileName: string): DocumentRefused {
  return new DocumentRefused(
    `${fileName}：文件解压后超过 ${megabytes(MAX_UNZIPPED_BYTES)}（远大于文件本身，可能含有大量图片、隐藏内容或是被恶意构造的文件），没有导入。请用 Office/WPS 打开后只保留任务表格，另存为新文件再导入。`,
  );
}

/** One entry of a zip archive, as its central directory describes it. */
interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** Thrown for an archive whose structure cannot be read: the reader then calls the file damaged. */
class DamagedArchive extends Error {}

function u64(bytes: Buffer, at: number): number {
  return Number(bytes.readBigUInt64LE(at));
}

/** The entries of a zip archive, from its central directory. */
function zipEntries(bytes: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new DamagedArchive('no end of central directory');
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(bytes, eocd - 20 + 8);
    if (zip64 + 56 > bytes.length || bytes.readUInt32LE(zip64) !== ZIP64_EOCD) throw new DamagedArchive('bad zip64 end of central directory');
    count = u64(bytes, zip64 + 32);
    offset = u64(bytes, zip64 + 48);
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new DamagedArchive('bad central directory entry');
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    };
    // Sizes and offsets too big for 32 bits are in the zip64 extra field, in this order, only those marked 0xFFFFFFFF.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = bytes.readUInt16LE(extra);
      const size = bytes.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
          if (entry[key] !== MAX32 || field + 8 > extra + 4 + size) continue;
          entry[key] = u64(bytes, field);
          field += 8;
        }
      }
      extra += 4 + size;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, where its local header says they start. */
function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new DamagedArchive('bad local header');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new DamagedArchive('entry past the end');
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates compressed data, passing each chunk on and keeping none; stops
 * once more than `limit` bytes came out. Resolves with how many did.
 */
function inflateCounting(data: Buffer, limit: number, onChunk?: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let total = 0;
    inflater.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflater.destroy();
        resolve(total);
        return;
      }
      onChunk?.(chunk);
    });
    inflater.on('end', () => resolve(total));
    inflater.on('error', () => reject(new DamagedArchive('entry does not inflate')));
    inflater.end(data);
  });
}

/** What checkArchive may also do with the entries' text as it inflates them. */
export interface ArchiveWatch {
  /** Which entries to hand over. */
  entries: RegExp;
  /** Called with each piece of a watched entry's inflated bytes, in order. */
  onChunk(name: string, chunk: Buffer): void;
}

/**
 * Refuses a .docx/.xlsx whose entries unzip past MAX_UNZIPPED_BYTES, by
 * what the central directory claims and then by inflating every entry.
 * Throws DocumentRefused with the Chinese answer, or a plain error for an
 * archive that is not one (the reader's "damaged" answer).
 */
export async function checkArchive(fileName: string, bytes: Buffer, watch?: ArchiveWatch): Promise<void> {
  const entries = zipEntries(bytes);
  const claimed = entries.reduce((sum, entry) => sum + Math.max(entry.uncompressedSize, entry.method === 0 ? entry.compressedSize : 0), 0);
  if (claimed > MAX_UNZIPPED_BYTES) throw tooBigWhenUnzipped(fileName);
  let inflated = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    const watched = watch?.entries.test(entry.name) ? (chunk: Buffer) => watch.onChunk(entry.name, chunk) : undefined;
    if (entry.method === 0) {
      watched?.(data);
      inflated += data.length;
    } else if (entry.method === 8) {
      // An entry may not inflate past what it claims: a reader would trust the claim.
      const size = await inflateCounting(data, Math.min(entry.uncompressedSize, MAX_UNZIPPED_BYTES - inflated), watched);
      if (size > entry.uncompressedSize) {
        throw new DocumentRefused(`${fileName}：文件中有内容解压后比它声明的大小还大，这是被篡改或恶意构造的文件，没有导入。请用 Office/WPS 打开后另存为新文件再导入。`);
      }
      if (inflated + size > MAX_UNZIPPED_BYTES) throw tooBigWhenUnzipped(fileName);
      inflated += size;
    }
  }
}
