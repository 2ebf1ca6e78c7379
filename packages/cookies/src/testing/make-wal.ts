import { walChecksum, walFormatVersion, walFrameHeaderSize, walHeaderSize } from "../sqlite/wal-checksum.js";

/** Options of {@link makeWal}. */
export interface MakeWalOptions {
  /** Write big-endian checksums (magic `0x377f0683`) instead of little-endian. @defaultValue false */
  bigEndian?: boolean;
  /** The two salts of the WAL header (and of every frame). @defaultValue two fixed values */
  salts?: readonly [number, number];
  /**
   * A third image whose differing pages are appended after the commit **without** a commit
   * frame, as a writer that crashed mid-transaction leaves them: readers must ignore them.
   */
  uncommitted?: Uint8Array;
}

/** A database in WAL mode: the main file and its `-wal`. */
export interface WalPair {
  /** The main file: `before`, with header bytes 18–19 set to 2 (WAL mode). */
  db: Uint8Array;
  /** The `-wal`: a valid header and one frame per page that differs, the last one a commit. */
  wal: Uint8Array;
  /** Page size of both (frames are 24 + pageSize bytes, after a 32-byte header). */
  pageSize: number;
  /** How many frames the WAL holds (committed and uncommitted). */
  frames: number;
}

/**
 * Builds a WAL-mode database as SQLite leaves it between checkpoints: the main file holds the
 * old image, the `-wal` holds the pages that changed, with SQLite's header, salts and running
 * checksums, the last committed frame carrying the new page count. Reading the pair must give
 * `after`. Tamper with the bytes (salts at 16–23 of each frame, a torn last frame) to test readers.
 *
 * @param before - the database image the main file holds.
 * @param after - the image the committed WAL frames produce (same page size).
 * @param options - endianness, salts, uncommitted frames.
 * @returns the main file's bytes, the `-wal`'s bytes and the layout.
 * @throws Error when the images' page sizes differ or `before` has no SQLite header.
 * @example
 * ```ts
 * const { db, wal } = makeWal(await chromiumDbBytes(oldRows), await chromiumDbBytes(allRows));
 * await writeFile(path, db); await writeFile(`${path}-wal`, wal);
 * ```
 */
export function makeWal(before: Uint8Array, after: Uint8Array, options: MakeWalOptions = {}): WalPair {
  const pageSize = pageSizeOf(after);
  if (pageSizeOf(before) !== pageSize) throw new Error("makeWal: both images need the same page size");
  const walMode = (image: Uint8Array): Uint8Array => {
    const copy = new Uint8Array(image);
    copy[18] = 2;
    copy[19] = 2;
    return copy;
  };
  const db = walMode(before);
  const target = walMode(after);
  const bigEndian = options.bigEndian ?? false;
  const [salt1, salt2] = options.salts ?? [0x1234_5678, 0x0abc_def0];
  const pages = changedPages(db, target, pageSize);
  const extra =
    options.uncommitted === undefined ? [] : changedPages(target, walMode(options.uncommitted), pageSize);
  const frames = [
    ...pages.map((page, index) => ({
      ...page,
      commit: index === pages.length - 1 ? target.length / pageSize : 0,
    })),
    ...extra.map((page) => ({ ...page, commit: 0 })),
  ];
  const wal = new Uint8Array(walHeaderSize + frames.length * (walFrameHeaderSize + pageSize));
  const view = new DataView(wal.buffer);
  view.setUint32(0, bigEndian ? 0x377f0683 : 0x377f0682);
  view.setUint32(4, walFormatVersion);
  view.setUint32(8, pageSize);
  view.setUint32(12, 0);
  view.setUint32(16, salt1);
  view.setUint32(20, salt2);
  let checksum = walChecksum(wal.subarray(0, 24), bigEndian);
  view.setUint32(24, checksum[0]);
  view.setUint32(28, checksum[1]);
  frames.forEach((frame, index) => {
    const offset = walHeaderSize + index * (walFrameHeaderSize + pageSize);
    view.setUint32(offset, frame.number);
    view.setUint32(offset + 4, frame.commit);
    view.setUint32(offset + 8, salt1);
    view.setUint32(offset + 12, salt2);
    wal.set(frame.bytes, offset + walFrameHeaderSize);
    checksum = walChecksum(wal.subarray(offset, offset + 8), bigEndian, checksum);
    checksum = walChecksum(frame.bytes, bigEndian, checksum);
    view.setUint32(offset + 16, checksum[0]);
    view.setUint32(offset + 20, checksum[1]);
  });
  return { db, wal, pageSize, frames: frames.length };
}

function pageSizeOf(image: Uint8Array): number {
  if (image.length < 100) throw new Error("makeWal: not a SQLite image");
  const raw = (image[16]! << 8) | image[17]!;
  return raw === 1 ? 65536 : raw;
}

function changedPages(
  from: Uint8Array,
  to: Uint8Array,
  pageSize: number,
): { number: number; bytes: Uint8Array }[] {
  const pages: { number: number; bytes: Uint8Array }[] = [];
  for (let offset = 0; offset < to.length; offset += pageSize) {
    const page = to.subarray(offset, offset + pageSize);
    const old = from.subarray(offset, offset + pageSize);
    if (old.length !== page.length || !old.every((byte, index) => byte === page[index]))
      pages.push({ number: offset / pageSize + 1, bytes: page });
  }
  // A WAL must end with a commit frame even when nothing changed: rewrite page 1.
  if (pages.length === 0) pages.push({ number: 1, bytes: to.subarray(0, pageSize) });
  return pages;
}
