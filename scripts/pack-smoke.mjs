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

// @g4f/cli: run the installed bin with this node: `g4f providers --json` must list OpenAssistant.
const cli = loaded["@g4f/cli"];
if (cli) {
  const { execFileSync } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const bin = fileURLToPath(new URL("./node_modules/@g4f/cli/bin.js", import.meta.url));
  const output = execFileSync(process.execPath, [bin, "providers", "--json"], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  const names = JSON.parse(output).map((provider) => provider.name);
  if (!names.includes("OpenAssistant"))
    throw new Error(`g4f providers --json listed ${JSON.stringify(names)}`);
  if (typeof cli.runCli !== "function") throw new Error("@g4f/cli: runCli is not exported");
}

// @g4f/openassistant-server: start on port 0 with a token, create a chat and delete it, close.
const oaServer = loaded["@g4f/openassistant-server"];
if (oaServer) {
  const server = await oaServer.startOpenAssistantServer({ port: 0, tokens: ["pack-smoke-token"] });
  try {
    const headers = { cookie: "next-auth.session-token=pack-smoke-token" };
    const created = await fetch(`${server.url}/api/chat`, { method: "POST", headers });
    if (created.status !== 200)
      throw new Error(`@g4f/openassistant-server: create answered ${created.status}`);
    const chat = await created.json();
    const removed = await fetch(`${server.url}/api/chat?chat_id=${chat.id}`, { method: "DELETE", headers });
    if (removed.status !== 200 || server.state.aliveChats().length !== 0)
      throw new Error(`@g4f/openassistant-server: delete answered ${removed.status}`);
  } finally {
    await server.close();
  }
}

// @g4f/cookies: a cookies.txt in a temp folder read with getCookies; sql.js loads from the
// installed tarball (the testing subpath writes a Firefox DB, the reader reads it back).
const cookiesPackage = loaded["@g4f/cookies"];
if (cookiesPackage) {
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "g4f-cookies-smoke-"));
  try {
    writeFileSync(join(dir, "cookies.txt"), ".example.com\tTRUE\t/\tFALSE\t0\tsid\tsmoke-value\n", {
      mode: 0o600,
    });
    const found = await cookiesPackage.getCookies("example.com", {
      cookiesDir: dir,
      browsers: [],
      cache: false,
    });
    if (cookiesPackage.toCookieHeader(found) !== "sid=smoke-value")
      throw new Error(`@g4f/cookies getCookies found ${cookiesPackage.redact(found)}`);
    const testing = await import("@g4f/cookies/testing");
    const db = await testing.makeFirefoxDb(join(dir, "cookies.sqlite"), [
      { host: ".example.com", name: "db", value: "1" },
    ]);
    const { cookies } = await cookiesPackage.readFirefoxCookies(db, { host: "example.com" });
    if (cookies.length !== 1 || cookies[0].name !== "db")
      throw new Error("@g4f/cookies could not read a Firefox DB");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// @g4f/provider-openassistant: one whole chat against the installed reference server, selected by
// name through the registry of the installed core; the chat must be deleted afterwards.
const oaProvider = loaded["@g4f/provider-openassistant"];
if (oaProvider && oaServer && core) {
  oaProvider.register();
  const server = await oaServer.startOpenAssistantServer({
    tokens: ["pack-token"],
    mode: "echo",
    tokensPerSecond: 0,
    pingIntervalMs: 0,
  });
  try {
    const answer = await core.chat("OpenAssistant", "packed tarballs work", {
      baseUrl: server.url,
      cookies: { "next-auth.session-token": "pack-token" },
      proxy: null,
    });
    if (answer.text !== "packed tarballs work")
      throw new Error(`@g4f/provider-openassistant answered ${JSON.stringify(answer.text)}`);
    await server.waitForIdle();
    if (server.state.aliveChats().length !== 0) throw new Error("@g4f/provider-openassistant left a chat");
  } finally {
    await server.close();
  }
}
