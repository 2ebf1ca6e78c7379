import {
  walChecksum,
  walFormatVersion,
  walFrameHeaderSize,
  walHeaderSize,
  walMagicBigEndian,
  walMagicLittleEndian,
} from "./wal-checksum.js";

/**
 * Applies a SQLite write-ahead log to a database image, in memory.
 *
 * sql.js cannot read a `-wal` file (its in-memory VFS has no shared-memory index), and the
 * browser's own files must never be opened by SQLite, so the WAL is replayed here by hand, as
 * SQLite's recovery does: the header's magic, version, page size and checksum must hold; frames
 * count while their salts match the header and their running checksums hold; only frames up to
 * the **last commit frame** are applied, and the image is cut to that commit's page count. The
 * result has header bytes 18–19 set to 1 (legacy journal) so it opens without a WAL. A torn,
 * foreign or empty WAL changes nothing: the database bytes come back as they were.
 *
 * @param dbBytes - the main database file's bytes (may be empty for a DB never checkpointed).
 * @param walBytes - the `-wal` file's bytes (may be empty).
 * @returns a new image with the committed frames applied, or `dbBytes` itself when nothing applies.
 * @example
 * ```ts
 * const image = applyWal(await readFile(path), await readFile(`${path}-wal`).catch(() => new Uint8Array()));
 * const db = await openDb(image);
 * ```
 */
export function applyWal(dbBytes: Uint8Array, walBytes: Uint8Array): Uint8Array {
  const committed = readCommittedFrames(walBytes, dbPageSize(dbBytes));
  if (committed === undefined) return dbBytes;
  const { pageSize, pageCount, pages } = committed;
  const image = new Uint8Array(pageCount * pageSize);
  image.set(dbBytes.subarray(0, Math.min(dbBytes.length, image.length)));
  for (const [pageNumber, page] of pages) {
    if (pageNumber <= pageCount) image.set(page, (pageNumber - 1) * pageSize);
  }
  if (image.length >= 100) {
    image[18] = 1;
    image[19] = 1;
    // Keep the in-header size consistent with the cut image: size at 28, "valid-for" at 92 = counter at 24.
    const view = new DataView(image.buffer);
    view.setUint32(28, pageCount);
    view.setUint32(92, view.getUint32(24));
  }
  return image;
}

interface CommittedFrames {
  pageSize: number;
  pageCount: number;
  pages: Map<number, Uint8Array>;
}

/** The page size recorded in a database header (1 means 65536), or undefined for no header. */
function dbPageSize(dbBytes: Uint8Array): number | undefined {
  if (dbBytes.length < 100) return undefined;
  const raw = (dbBytes[16]! << 8) | dbBytes[17]!;
  return raw === 1 ? 65536 : raw;
}

function readCommittedFrames(
  wal: Uint8Array,
  expectedPageSize: number | undefined,
): CommittedFrames | undefined {
  if (wal.length < walHeaderSize) return undefined;
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const magic = view.getUint32(0);
  if (magic !== walMagicLittleEndian && magic !== walMagicBigEndian) return undefined;
  const bigEndian = magic === walMagicBigEndian;
  const pageSize = view.getUint32(8);
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if (view.getUint32(4) !== walFormatVersion || !validPageSize) return undefined;
  if (expectedPageSize !== undefined && expectedPageSize !== pageSize) return undefined;
  let checksum = walChecksum(wal.subarray(0, 24), bigEndian);
  if (checksum[0] !== view.getUint32(24) || checksum[1] !== view.getUint32(28)) return undefined;
  const salt1 = view.getUint32(16);
  const salt2 = view.getUint32(20);

  const frameSize = walFrameHeaderSize + pageSize;
  const pending = new Map<number, Uint8Array>();
  let result: CommittedFrames | undefined;
  for (let offset = walHeaderSize; offset + frameSize <= wal.length; offset += frameSize) {
    const pageNumber = view.getUint32(offset);
    const commitSize = view.getUint32(offset + 4);
    if (pageNumber === 0 || view.getUint32(offset + 8) !== salt1 || view.getUint32(offset + 12) !== salt2)
      break;
    const page = wal.subarray(offset + walFrameHeaderSize, offset + frameSize);
    checksum = walChecksum(wal.subarray(offset, offset + 8), bigEndian, checksum);
    checksum = walChecksum(page, bigEndian, checksum);
    if (checksum[0] !== view.getUint32(offset + 16) || checksum[1] !== view.getUint32(offset + 20)) break;
    pending.set(pageNumber, page);
    if (commitSize !== 0) {
      result ??= { pageSize, pageCount: 0, pages: new Map() };
      for (const [number, bytes] of pending) result.pages.set(number, bytes);
      result.pageCount = commitSize;
      pending.clear();
    }
  }
  return result;
}
