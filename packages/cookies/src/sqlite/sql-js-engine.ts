import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/** A value as sql.js returns it: BLOBs as bytes, INTEGER/REAL as numbers. @internal */
export type SqlValue = number | string | Uint8Array | null;

/** The part of a sql.js prepared statement we use. @internal */
export interface SqlJsStatement {
  bind(values: readonly SqlValue[]): boolean;
  step(): boolean;
  get(): SqlValue[];
  getColumnNames(): string[];
  free(): boolean;
}

/** The part of a sql.js database we use. @internal */
export interface SqlJsDatabase {
  prepare(sql: string): SqlJsStatement;
  run(sql: string, params?: readonly SqlValue[]): SqlJsDatabase;
  exec(sql: string, params?: readonly SqlValue[]): { columns: string[]; values: SqlValue[][] }[];
  export(): Uint8Array;
  close(): void;
}

/** The loaded sql.js module. @internal */
export interface SqlJsEngine {
  Database: new (data?: Uint8Array) => SqlJsDatabase;
}

type InitSqlJs = (config: { wasmBinary: ArrayBuffer | Uint8Array }) => Promise<SqlJsEngine>;

let loading: Promise<SqlJsEngine> | undefined;

/**
 * Loads sql.js and its WASM once per process, from the sql.js package's own `dist/` (never a
 * network URL). A failure is not remembered, so a later call may try again.
 * @internal
 */
export function loadSqlJs(): Promise<SqlJsEngine> {
  loading ??= loadOnce().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function loadOnce(): Promise<SqlJsEngine> {
  const require = createRequire(import.meta.url);
  const init = require("sql.js") as InitSqlJs;
  const wasmBinary = await readFile(require.resolve("sql.js/dist/sql-wasm.wasm"));
  return init({ wasmBinary });
}
