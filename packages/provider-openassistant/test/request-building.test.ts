// What the provider sends, checked without a server: bodies, sampling parameters, options.
import { chat, InvalidRequestError, ModelNotSupportedError } from "@g4f/core";
import { describe, expect, it } from "vitest";
import {
  buildAssistantMessageBody,
  buildPrompterContent,
  buildPrompterMessageBody,
  buildSamplingParameters,
  DEFAULT_SAMPLING_PARAMETERS,
  describeErrorBody,
  OpenAssistant,
} from "../src/index.js";
import { readOptions } from "../src/read-options.js";
import { describeBaseUrl, resolveBaseUrl } from "../src/resolve-base-url.js";

describe("prompter message", () => {
  it("wraps formatPrompt in g4f's Llama-2 markers (protocol §3 example 1 and 2)", () => {
    expect(buildPrompterContent([{ role: "user", content: "Hello" }])).toBe("<s>[INST]\nHello\n[/INST]");
    expect(
      buildPrompterContent([
        { role: "system", content: "Be brief" },
        { role: "user", content: "Hi" },
      ]),
    ).toBe("<s>[INST]\nSystem: Be brief\nUser: Hi\nAssistant:\n[/INST]");
  });

  it("starts a fresh chat: parent_id is null", () => {
    expect(buildPrompterMessageBody("c1", [{ role: "user", content: "x" }])).toEqual({
      chat_id: "c1",
      content: "<s>[INST]\nx\n[/INST]",
      parent_id: null,
    });
  });

  it("builds the assistant_message body with an empty plugin list", () => {
    const body = buildAssistantMessageBody("c1", "p1", "OA_SFT_Llama_30B_6", DEFAULT_SAMPLING_PARAMETERS);
    expect(body).toEqual({
      chat_id: "c1",
      parent_id: "p1",
      model_config_name: "OA_SFT_Llama_30B_6",
      sampling_parameters: { ...DEFAULT_SAMPLING_PARAMETERS },
      plugins: [],
    });
  });
});

describe("sampling parameters", () => {
  it("defaults to g4f's values, the k50-Plugins preset", () => {
    expect(buildSamplingParameters({})).toEqual({
      top_k: 50,
      top_p: null,
      typical_p: null,
      temperature: 0.35,
      repetition_penalty: 1.1111111111111112,
      max_new_tokens: 1024,
    });
  });

  it("takes camelCase overrides, null, and decimal strings from a CLI", () => {
    expect(
      buildSamplingParameters({ temperature: 0.7, topK: null, topP: "0.9", maxNewTokens: "256" }),
    ).toMatchObject({ temperature: 0.7, top_k: null, top_p: 0.9, max_new_tokens: 256 });
  });

  it("never sends framework keys such as stream (g4f leaked them)", () => {
    const parameters = buildSamplingParameters({ stream: true, model: "x", top_k: 3 });
    expect(Object.keys(parameters).sort()).toEqual(
      ["max_new_tokens", "repetition_penalty", "temperature", "top_k", "top_p", "typical_p"].sort(),
    );
    expect(parameters.top_k).toBe(50);
  });

  it.each([
    ["temperature", "hot"],
    ["temperature", Number.NaN],
    ["topK", 2.5],
    ["maxNewTokens", "12.5"],
    ["topP", {}],
  ])("rejects %s = %s with a typed error naming the option", (option, value) => {
    const error = (() => {
      try {
        buildSamplingParameters({ [option]: value });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).field).toBe(option);
    expect((error as Error).message).toContain(`\`${option}\``);
  });
});

describe("options", () => {
  it("uses OPENASSISTANT_BASE_URL when baseUrl is absent, without a trailing slash", () => {
    expect(resolveBaseUrl(undefined, { OPENASSISTANT_BASE_URL: "http://127.0.0.1:9/x/" })).toBe(
      "http://127.0.0.1:9/x",
    );
    expect(resolveBaseUrl(undefined, {})).toBe("https://open-assistant.io");
    expect(resolveBaseUrl("http://a.test:1", { OPENASSISTANT_BASE_URL: "http://b.test" })).toBe(
      "http://a.test:1",
    );
  });

  it.each(["ftp://x", "not a url", "file:///etc/passwd"])("rejects baseUrl %s", (baseUrl) => {
    expect(() => resolveBaseUrl(baseUrl, {})).toThrow(InvalidRequestError);
  });

  it("never shows credentials embedded in a base URL", () => {
    expect(describeBaseUrl("http://user:secret@127.0.0.1:8080/oa?token=1")).toBe("http://127.0.0.1:8080/oa");
  });

  it("reads browsers as a list or a comma-separated string", () => {
    expect(readOptions({ browsers: "firefox, chrome" }, {}).browsers).toEqual(["firefox", "chrome"]);
    expect(() => readOptions({ browsers: [] }, {})).toThrow(/browsers/);
    expect(() => readOptions({ cookieLookup: "x" }, {})).toThrow(/cookieLookup/);
    expect(() => readOptions({ onWarning: 1 }, {})).toThrow(/onWarning/);
  });
});

describe("describeErrorBody", () => {
  it("renders FastAPI detail arrays as loc: msg", () => {
    expect(
      describeErrorBody(
        '{"message":[{"loc":["body","content"],"msg":"field required","type":"value_error.missing"}]}',
      ),
    ).toBe("body.content: field required");
  });

  it("takes a message string, else the text, shortened to one line", () => {
    expect(describeErrorBody('{"message":"Model X not found"}')).toBe("Model X not found");
    expect(describeErrorBody("Internal\n  Server Error")).toBe("Internal Server Error");
    expect(describeErrorBody("x".repeat(500)).length).toBeLessThanOrEqual(200);
  });
});

describe("the provider class", () => {
  it("is marked not working but runs when the call names a server", () => {
    expect(OpenAssistant.working).toBe(false);
    expect(OpenAssistant.isUsable({})).toBe(false);
    expect(OpenAssistant.isUsable({ baseUrl: "http://127.0.0.1:1" })).toBe(true);
  });

  it("rejects an unknown model before any request", async () => {
    const answer = chat(OpenAssistant, "Hi", {
      baseUrl: "http://127.0.0.1:1",
      model: "gpt-4",
      cookies: { "next-auth.session-token": "t" },
    });
    await expect(answer).rejects.toBeInstanceOf(ModelNotSupportedError);
  });
});
