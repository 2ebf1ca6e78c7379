import { formatPrompt, getParameters } from "@g4f/core";
import { resolveTarget } from "../catalog/resolve-target.js";
import { toErrorResponse } from "../errors/to-error-response.js";
import { readJsonBody } from "../http/read-json-body.js";
import type { RequestScope } from "../server/request-scope.js";
import type { ServerContext } from "../server/server-context.js";
import { parseChatRequest } from "./chat-request-schema.js";
import { ChatRun } from "./chat-run.js";
import { type CompletionUsage, createCompletion, createCompletionHeader } from "./completion-objects.js";
import { createEventStream } from "./create-event-stream.js";
import { estimateTokens } from "./estimate-tokens.js";
import { mapSamplingOptions } from "./map-sampling-options.js";

import { toCoreMessages } from "./to-core-messages.js";

const sseHeaders = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  "x-accel-buffering": "no",
};

/**
 * `POST /v1/chat/completions`: validates the body, picks the provider and model, runs it, and
 * answers with a whole `chat.completion` or a chunk stream. Nothing is sent before the first text
 * chunk is known to be good, so an early failure still gets its proper HTTP status.
 *
 * @param request - the HTTP request; its signal aborting stops the provider.
 * @param context - the server's catalog, secrets, limits and tracker.
 * @param scope - the request's scope (provider/model are noted; streams end it themselves).
 * @returns the response.
 * @throws {@link ApiRequestError} and the provider's typed errors, before any byte is sent.
 * @internal
 */
export async function handleChatCompletions(
  request: Request,
  context: ServerContext,
  scope: RequestScope,
): Promise<Response> {
  const body = parseChatRequest(await readJsonBody(request, context.bodyLimit));
  const target = await resolveTarget(await context.getCatalog(), body.model, body.provider ?? undefined);
  scope.provider = target.entry.name;
  scope.model = target.model;
  const messages = toCoreMessages(body.messages);
  const options = {
    ...target.entry.options,
    timeout: target.entry.options.timeout ?? context.timeout,
    ...mapSamplingOptions(body, getParameters(target.entry.providerClass)),
  };
  const run = new ChatRun(target, messages, options, [request.signal, context.tracker.signal]);
  const head = await run.next();
  const usage = (): CompletionUsage => {
    const prompt = run.usage?.promptTokens ?? estimateTokens(formatPrompt(messages));
    const completion = run.usage?.completionTokens ?? estimateTokens(run.text);
    return {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: run.usage?.totalTokens ?? prompt + completion,
    };
  };
  if (body.stream !== true) {
    while (!run.finished) await run.next();
    const header = createCompletionHeader(run.provider, run.model);
    return Response.json(createCompletion(header, run.text, run.finishReason, usage()));
  }
  scope.deferred = true;
  const stream = createEventStream(run, {
    header: createCompletionHeader(run.provider, run.model),
    head,
    includeUsage: body.stream_options?.include_usage === true,
    usage,
    toError: (error) => toErrorResponse(error, context.secrets),
    onEnd: (failure) => scope.end(200, failure),
  });
  return new Response(stream, { status: 200, headers: sseHeaders });
}
