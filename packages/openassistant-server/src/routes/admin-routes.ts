import { Buffer } from "node:buffer";
import { timingSafeEqual } from "node:crypto";
import { InvalidServerOptionError } from "../errors/invalid-server-option-error.js";
import { emptyReply, jsonReply } from "../http/replies.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import { snapshotState } from "../runtime/snapshot-state.js";

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const left = Buffer.from(given, "latin1");
  const right = Buffer.from(expected, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * `/__admin/*`: faults, reset and state, only with an admin token (else the paths do not
 * exist), checked in `x-g4f-admin-token` (else `401` JSON); never a login.
 */
export async function adminRoute(
  request: Request,
  url: URL,
  runtime: ServerRuntime,
  body: unknown,
): Promise<Response> {
  const expected = runtime.options.adminToken;
  if (expected === undefined) return emptyReply(404);
  if (!tokenMatches(request.headers.get("x-g4f-admin-token"), expected))
    return jsonReply(
      { message: "Missing or wrong x-g4f-admin-token header: send the server's admin token." },
      401,
    );
  const path = url.pathname;
  const method = request.method;
  if (path === "/__admin/faults" && method === "POST") {
    try {
      return jsonReply({ id: runtime.faults.add(body as never) });
    } catch (error) {
      if (InvalidServerOptionError.isInstance(error)) return jsonReply({ message: error.message }, 400);
      throw error;
    }
  }
  if (path === "/__admin/faults" && method === "DELETE") {
    const id = url.searchParams.get("id");
    if (id) runtime.faults.remove(id);
    else runtime.faults.clear();
    return jsonReply({});
  }
  if (path === "/__admin/reset" && method === "POST") {
    runtime.reset();
    return jsonReply({});
  }
  if (path === "/__admin/state" && method === "GET") return jsonReply(snapshotState(runtime.state));
  return emptyReply(404);
}
