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

// @g4f/api: start on port 0 with a tiny inline provider, list models, close.
const api = loaded["@g4f/api"];
if (api && core) {
  class Tiny extends core.AsyncGeneratorProvider {
    static url = "https://tiny.invalid";
    static label = "Tiny";
    static working = true;
    static needsAuth = false;
    static model = "tiny-1";
    async *createAsyncGenerator() {
      yield "ok";
    }
  }
  const server = await api.startApiServer({ port: 0, providers: [Tiny] });
  try {
    const models = await (await fetch(`${server.url}/v1/models`)).json();
    if (!models.data.some((model) => model.id === "Tiny:tiny-1"))
      throw new Error(`@g4f/api listed ${JSON.stringify(models)}`);
  } finally {
    await server.close({ graceMs: 0 });
  }
}
