import type { SqlValue } from "../sqlite/open-db.js";

// Up to this many bytes a cell becomes a string in one builtin call (see byteString).
const shortCell = 4096;

/** A BLOB/TEXT cell as a byte string (latin1: one code unit per byte). @internal */
export function byteString(value: SqlValue | undefined): string {
  if (value instanceof Uint8Array) {
    // By hand for short cells (nearly all: names, hosts, paths, values): one byte is one code
    // unit, and fromCharCode takes them all at once, where a Buffer view per cell made the
    // conversion of a lookup's cells ~4× slower. Longer ones go through Buffer (argument limits).
    if (value.length === 0) return "";
    if (value.length <= shortCell) return String.fromCharCode.apply(null, value as unknown as number[]);
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("latin1");
  }
  if (value === null || value === undefined) return "";
  return String(value);
}

/** A cell as a number, or `undefined` for NULL and non-numbers. @internal */
export function numberOrUndefined(value: SqlValue | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A cell as bytes (`encrypted_value`). @internal */
export function bytesOf(value: SqlValue | undefined): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "string") return new Uint8Array(Buffer.from(value, "latin1"));
  return new Uint8Array();
}

/** The column names of a table (`PRAGMA table_info`), empty when it does not exist. @internal */
export function tableColumns(all: (sql: string) => SqlValue[][], table: string): Set<string> {
  return new Set(all(`PRAGMA table_info(${table})`).map((row) => String(row[1])));
}
