import { emptyReply, internalError } from "../http/replies.js";
import type { RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import { hasFinished } from "../store/records.js";
import type { EventSink } from "../stream/event-sink.js";
import { EventStreamSession } from "../stream/event-stream-session.js";
import { SplitWriteSink } from "../stream/split-write-sink.js";
import { buildStreamPlan } from "../stream/stream-plan.js";
import { WebEventSink } from "../stream/web-event-sink.js";

// How long waitForIdle expects a delete after a client closed a stream early.
const ABANDONED_DELETE_GRACE_MS = 1000;

/**
 * `/api/chat/events?chat_id&message_id` (any method): the message's packets as SSE (4.5).
 * Unknown ids or a prompter message → `500` text; a finished message with nothing left to
 * read → `200` empty (the server's 204, flattened by the website).
 */
export function events(context: RequestContext, runtime: ServerRuntime): Response {
  const query = context.url.searchParams;
  const chat = runtime.store.userChat(context.userId, query.get("chat_id"));
  const message = runtime.store.messages.get(query.get("message_id") ?? "");
  if (!chat || !message || message.chatId !== chat.id || message.role !== "assistant") return internalError();
  if (context.faults.some((action) => action.type === "alreadyFinished")) return emptyReply(200);
  const job = runtime.scheduler.jobs.get(message.id);
  // Our generator can finish before the client subscribes; unread packets are still delivered.
  if (hasFinished(message) && (!job || job.queue.size === 0)) return emptyReply(200);
  const plan = buildStreamPlan(context.faults, runtime.options);
  const webSink = new WebEventSink();
  const sink: EventSink = plan.splitWrites ? new SplitWriteSink(webSink) : webSink;
  const session = new EventStreamSession(sink, message, job, plan, {
    position: (target) => runtime.scheduler.position(target),
    abort: (target, state) => runtime.scheduler.abort(target, state),
    expireMs: runtime.options.messageQueueExpireMs,
  });
  runtime.state.adjust("streams", 1);
  const forget = runtime.addSession(chat.id, session);
  webSink.onClose(() => {
    forget();
    runtime.state.adjust("streams", -1);
    if (!session.endedByServer) runtime.state.streamAbandoned(chat.id, ABANDONED_DELETE_GRACE_MS);
  });
  session.start();
  return webSink.response;
}
