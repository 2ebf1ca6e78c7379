// A tiny script run against the installed tarballs by check-packages.mjs (the packages are
// bound as `loaded[name]`). Each package owner adds a line or two that really uses the package.
const core = loaded["@g4f/core"];
if (core && typeof core.formatPrompt === "function") {
  const prompt = core.formatPrompt([
    { role: "system", content: "Be brief" },
    { role: "user", content: "Hi" },
  ]);
  if (prompt !== "System: Be brief\nUser: Hi\nAssistant:")
    throw new Error(`formatPrompt gave ${JSON.stringify(prompt)}`);
}
