import { Agent, type Dispatcher, ProxyAgent } from "undici";
import { InvalidRequestError } from "../errors/invalid-request-error.js";

const dispatchers = new Map<string, Dispatcher>();
const DIRECT = "";

/**
 * The proxy a request uses: the option when it is a string, none for `null`, else `G4F_PROXY`.
 * @param proxy - the `proxy` option.
 * @returns the proxy URL, or `undefined` for a direct connection.
 * @internal
 */
export function resolveProxy(proxy: string | null | undefined): string | undefined {
  if (proxy === null) return undefined;
  const value = proxy ?? process.env.G4F_PROXY;
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function describeProxy(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(unparsable URL)";
  }
}

/**
 * The shared keep-alive dispatcher for a proxy URL (or direct), created once per process and key,
 * so every request to the same origin reuses open connections.
 * @param proxyUrl - proxy URL or `undefined` for direct.
 * @returns an undici Agent or ProxyAgent.
 * @throws {@link InvalidRequestError} for a proxy URL that is not http(s) or socks5.
 * @internal
 */
export function getDispatcher(proxyUrl: string | undefined): Dispatcher {
  const key = proxyUrl ?? DIRECT;
  const cached = dispatchers.get(key);
  if (cached !== undefined) return cached;
  let dispatcher: Dispatcher;
  if (proxyUrl === undefined) {
    dispatcher = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  } else {
    let protocol: string;
    try {
      protocol = new URL(proxyUrl).protocol;
    } catch {
      throw new InvalidRequestError({
        field: "proxy",
        message: "`proxy` is not a valid URL. Use http://host:port, https://host:port or socks5://host:port.",
      });
    }
    if (!["http:", "https:", "socks5:", "socks:"].includes(protocol)) {
      throw new InvalidRequestError({
        field: "proxy",
        message: `Proxy ${describeProxy(proxyUrl)} has an unsupported scheme. Use http://, https:// or socks5://.`,
      });
    }
    dispatcher = new ProxyAgent({ uri: proxyUrl, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  }
  dispatchers.set(key, dispatcher);
  return dispatcher;
}

/**
 * Closes every pooled connection (direct and proxied). Call it before exit in scripts and tests
 * that must leave no open handles; later requests open new pools.
 * @returns when every pool is closed.
 */
export async function closeHttpConnections(): Promise<void> {
  const all = [...dispatchers.values()];
  dispatchers.clear();
  await Promise.all(all.map((dispatcher) => dispatcher.close().catch(() => dispatcher.destroy())));
}
