import { resolveSession } from "../auth/resolve-session.js";
import type { FaultAction, RespondFault } from "../fault-types.js";
import { bodyObject, readBody } from "../http/read-body.js";
import { emptyReply, internalError, noReply, textReply } from "../http/replies.js";
import { adminRoute } from "../routes/admin-routes.js";
import type { ConnectionControl, RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import { routeName } from "./route-name.js";
import { createRouter } from "./router.js";

/** Handles one request: the website's common rules (4.1), faults, then the route. */
export type RequestHandler = (
  request: Request,
  connection: ConnectionControl | undefined,
) => Promise<Response>;

function respondWith(action: RespondFault): Response {
  return new Response(action.body ?? null, { status: action.status, headers: action.headers ?? {} });
}

/** Resolves after `ms`, or early when `signal` aborts. */
function sleep(ms: number, signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const signal = AbortSignal.any(signals);
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = value;
  return query;
}

/** Builds the request handler of a server instance. */
export function createRequestHandler(runtime: ServerRuntime): RequestHandler {
  const router = createRouter(runtime);
  const { state } = runtime;

  const run = async (request: Request, connection: ConnectionControl | undefined): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === "/__admin" || url.pathname.startsWith("/__admin/")) {
      const parsed = await readBody(request);
      if (!parsed.ok) return textReply(parsed.text, parsed.status);
      return adminRoute(request, url, runtime, parsed.body);
    }
    const route = routeName(request.method, url.pathname, url.searchParams.has("chat_id"));
    const session = resolveSession(
      request.headers.get("cookie"),
      request.headers.get("authorization"),
      runtime.sessions,
    );
    const record = state.request({
      method: request.method,
      path: url.pathname,
      query: queryObject(url),
      body: undefined,
      auth: session.auth,
      cookieNames: session.cookieNames,
      status: 0,
    });
    const parsed = await readBody(request);
    if (parsed.ok) record.body = parsed.body;
    let response: Response;
    if (route === undefined) {
      response = emptyReply(404);
    } else {
      const chatId = url.searchParams.get("chat_id") ?? bodyObject(record.body).chat_id;
      const faults: FaultAction[] = runtime.faults.match(
        route,
        typeof chatId === "string" ? chatId : undefined,
      );
      let delayMs = 0;
      for (const action of faults) {
        if (action.type === "respond") return finish(record, respondWith(action));
        if (action.type === "reset") {
          connection?.reset();
          return noReply("reset");
        }
        if (action.type === "hang") {
          await sleep(2 ** 31 - 1, [request.signal, runtime.closingSignal]);
          return noReply("closed");
        }
        if (action.type === "delay") delayMs = Math.max(delayMs, action.ms);
      }
      if (!parsed.ok) response = textReply(parsed.text, parsed.status);
      else if (session.auth !== "ok") response = emptyReply(403);
      else if (!runtime.options.enableChat) response = emptyReply(404);
      else {
        const context: RequestContext = {
          request,
          url,
          route,
          body: parsed.body,
          userId: session.userId,
          faults,
          record,
        };
        response = await router.fetch(request, { context });
      }
      // `delay` answers normally, late: the route has already run.
      if (delayMs > 0) await sleep(delayMs, [request.signal, runtime.closingSignal]);
    }
    return finish(record, response);
  };

  const finish = (record: { status: number }, response: Response): Response => {
    record.status = response.status;
    return response;
  };

  return async (request, connection) => {
    state.adjust("inFlight", 1);
    try {
      return await run(request, connection);
    } catch {
      return internalError();
    } finally {
      state.adjust("inFlight", -1);
    }
  };
}
