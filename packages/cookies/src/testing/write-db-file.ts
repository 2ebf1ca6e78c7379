import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { loadSqlJs, type SqlJsDatabase } from "../sqlite/sql-js-engine.js";
import { makeWal } from "./make-wal.js";

/** Runs `build` on a fresh in-memory sql.js database and returns its bytes. @internal */
export async function buildDbBytes(build: (db: SqlJsDatabase) => void): Promise<Uint8Array> {
  const engine = await loadSqlJs();
  const db = new engine.Database();
  try {
    build(db);
    return db.export();
  } finally {
    db.close();
  }
}

/** Applies `change` to a copy of a database image and returns the new image. @internal */
export async function changeDbBytes(
  bytes: Uint8Array,
  change: (db: SqlJsDatabase) => void,
): Promise<Uint8Array> {
  const engine = await loadSqlJs();
  const db = new engine.Database(new Uint8Array(bytes));
  try {
    change(db);
    return db.export();
  } finally {
    db.close();
  }
}

/**
 * Writes a database file, and with `after` a `-wal` beside it holding the difference (the main
 * file then says "WAL mode", as a browser's does). Parent folders are created. @internal
 */
export async function writeDbFiles(path: string, before: Uint8Array, after?: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  if (after === undefined) {
    await writeFile(path, before, { mode: 0o600 });
    return;
  }
  const { db, wal } = makeWal(before, after);
  await writeFile(path, db, { mode: 0o600 });
  await writeFile(`${path}-wal`, wal, { mode: 0o600 });
}
