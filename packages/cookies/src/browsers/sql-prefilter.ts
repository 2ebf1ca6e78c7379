import { lookupHosts } from "../match/lookup-hosts.js";
import type { SqlValue } from "../sqlite/open-db.js";

/**
 * A bound SQL prefilter on a host column: `column IN (?, …)` over the host and its parents, each
 * with and without a leading dot, plus (for `includeSubdomains`) a suffix test with `substr`.
 * Never `LIKE`: the JS `domainMatches` check decides; this only narrows the rows read.
 * @internal
 */
export function hostPrefilter(
  column: string,
  host: string,
  includeSubdomains: boolean,
): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = lookupHosts(host).flatMap((candidate) => [candidate, `.${candidate}`]);
  let sql = `${column} IN (${params.map(() => "?").join(", ")})`;
  if (includeSubdomains) {
    const suffix = `.${host}`;
    sql = `(${sql} OR substr(${column}, -?) = ?)`;
    params.push(suffix.length, suffix);
  }
  return { sql, params };
}
