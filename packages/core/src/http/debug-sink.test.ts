import { afterEach, describe, expect, it, vi } from "vitest";
import { resolveDebugSink } from "./debug-sink.js";

const saved = process.env.G4F_DEBUG;
afterEach(() => {
  if (saved === undefined) delete process.env.G4F_DEBUG;
  else process.env.G4F_DEBUG = saved;
});

describe("resolveDebugSink", () => {
  it("prefers the caller's hook", () => {
    process.env.G4F_DEBUG = "1";
    const hook = vi.fn();
    expect(resolveDebugSink(hook)).toBe(hook);
  });

  it("writes JSON lines to stderr when G4F_DEBUG is set", () => {
    process.env.G4F_DEBUG = "1";
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    resolveDebugSink(undefined)?.({ type: "info", message: "hello" });
    expect(write).toHaveBeenCalledWith('[g4f] {"type":"info","message":"hello"}\n');
  });

  it.each([undefined, "", "0", "false"])("stays quiet for G4F_DEBUG=%j", (value) => {
    if (value === undefined) delete process.env.G4F_DEBUG;
    else process.env.G4F_DEBUG = value;
    expect(resolveDebugSink(undefined)).toBeUndefined();
  });
});
