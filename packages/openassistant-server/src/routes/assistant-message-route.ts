import { generationHash, seedFromHash } from "../generation/token-source.js";
import { bodyObject } from "../http/read-body.js";
import { jsonReply, messageError, somethingWentWrong } from "../http/replies.js";
import { MODEL_CONFIGS } from "../models/model-configs.js";
import { AssistantJob } from "../runtime/assistant-job.js";
import type { RequestContext } from "../runtime/request-context.js";
import type { ServerRuntime } from "../runtime/server-runtime.js";
import { toMessageRead } from "../store/serialize.js";
import { validateAssistantBody } from "./validate-assistant-body.js";

function rateLimited(context: RequestContext, runtime: ServerRuntime): Response | undefined {
  const limiter = runtime.rateLimiter;
  const rate = runtime.options.rateLimit;
  if (!limiter || !rate) return undefined;
  const retryAfter = limiter.hit(context.userId, Date.now());
  if (retryAfter === 0) return undefined;
  if (rate.status === 500) return somethingWentWrong();
  return messageError(429, `Too Many Requests. Retry After ${retryAfter} seconds.`, {
    "retry-after": String(retryAfter),
  });
}

/** `/api/chat/assistant_message`: queues an answer; every check in the inference server's order (4.4). */
export function assistantMessage(context: RequestContext, runtime: ServerRuntime): Response {
  const limited = rateLimited(context, runtime);
  if (limited) return limited;
  const validation = validateAssistantBody(bodyObject(context.body));
  if (!validation.ok) return messageError(422, validation.errors);
  const input = validation.value;
  const allowed = runtime.options.allowedModels;
  if (allowed !== "*" && !allowed.includes(input.modelName))
    return messageError(422, `Model ${input.modelName} not in allowed models: ${allowed.join(",")}`);
  const modelConfig = MODEL_CONFIGS.get(input.modelName);
  if (!modelConfig) return messageError(422, `Model ${input.modelName} not found`);
  runtime.scheduler.cancelOtherPending(context.userId, input.parentId);
  const parent = runtime.store.messages.get(input.parentId);
  if (parent?.role !== "prompter" || parent.content === null) return somethingWentWrong();
  const chat = runtime.store.userChat(context.userId, parent.chatId);
  if (!chat) return messageError(400, "Message not found");
  if (chat.messages.length >= runtime.options.chatMaxMessages)
    return messageError(413, "Maximum number of messages reached for this chat");
  const length = Math.min(runtime.options.answerTokens, input.sampling.max_new_tokens);
  const seed = seedFromHash(
    generationHash(input.modelName, parent.content, Number.isFinite(length) ? length : -1),
  );
  const message = runtime.store.addMessage(chat, {
    parentId: parent.id,
    role: "assistant",
    state: "pending",
    content: null,
    modelName: input.modelName,
    workParameters: {
      model_config: modelConfig,
      sampling_parameters: input.sampling,
      do_sample: true,
      seed,
      system_prompt: input.systemPrompt,
      user_profile: input.userProfile,
      user_response_instructions: input.userResponseInstructions,
      plugins: input.plugins,
      plugin_max_depth: 4,
    },
  });
  let firstTokenDelayMs = runtime.options.firstTokenDelayMs;
  let pendingForever = false;
  for (const action of context.faults) {
    if (action.type === "firstTokenDelay") firstTokenDelayMs = action.ms;
    else if (action.type === "pendingForever") pendingForever = true;
  }
  const job = new AssistantJob(message, parent.content, firstTokenDelayMs);
  const reply = jsonReply(toMessageRead(message));
  if (pendingForever) {
    runtime.scheduler.track(job);
    return reply;
  }
  // A full queue answers 503; the message stays pending and is never generated.
  if (!runtime.scheduler.hasRoom(input.modelName)) {
    runtime.scheduler.track(job);
    return messageError(503, "The server is currently busy. Please try again later.");
  }
  runtime.scheduler.enqueue(job);
  return reply;
}
