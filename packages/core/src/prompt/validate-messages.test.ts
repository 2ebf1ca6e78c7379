import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../errors/invalid-request-error.js";
import { validateMessages } from "./validate-messages.js";

function fieldOf(value: unknown): string | undefined {
  try {
    validateMessages(value);
  } catch (error) {
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    return (error as InvalidRequestError).field;
  }
  return "valid";
}

describe("validateMessages", () => {
  it.each([
    ["not an array", { role: "user" }, "messages"],
    ["an empty list", [], "messages"],
    ["a non-object message", ["hi"], "messages[0]"],
    ["a message without role", [{ content: "hi" }], "messages[0].role"],
    ["an empty role", [{ role: "", content: "hi" }], "messages[0].role"],
    ["a missing content", [{ role: "user" }], "messages[0].content"],
    ["a numeric content", [{ role: "user", content: 3 }], "messages[0].content"],
    ["a non-object part", [{ role: "user", content: ["x"] }], "messages[0].content[0]"],
    [
      "a non-string text",
      [{ role: "user", content: [{ type: "text", text: 1 }] }],
      "messages[0].content[0].text",
    ],
    ["a non-string name", [{ role: "user", content: "x", name: 1 }], "messages[0].name"],
    [
      "a bad second message",
      [
        { role: "user", content: "x" },
        { role: 2, content: "y" },
      ],
      "messages[1].role",
    ],
  ])("rejects %s naming the field", (_label, value, field) => {
    expect(fieldOf(value)).toBe(field);
  });

  it("accepts strings, null, parts and custom roles", () => {
    expect(
      fieldOf([
        { role: "system", content: "s" },
        {
          role: "user",
          content: [
            { type: "text", text: "t" },
            { type: "image_url", image_url: {} },
          ],
        },
        { role: "critic", content: null, name: "bob" },
      ]),
    ).toBe("valid");
  });

  it("says what to send instead", () => {
    expect(() => validateMessages([])).toThrow(/at least one message/);
  });
});
