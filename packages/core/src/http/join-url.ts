/**
 * The URL of a request: an absolute `path` as given, else `path` appended to `baseUrl` (keeping a
 * path prefix such as `https://host/prefix`, which `new URL(path, base)` would drop), with the
 * query appended.
 * @param baseUrl - origin and optional path prefix.
 * @param path - path relative to `baseUrl`, or an absolute http(s) URL.
 * @param query - parameters to append, encoded as a form would.
 * @returns the request URL; not validated (the transport reports a bad one).
 * @internal
 */
export function joinUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
  let url = /^https?:\/\//i.test(path)
    ? path
    : path === ""
      ? baseUrl
      : `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  if (query !== undefined) {
    const search = new URLSearchParams(query).toString();
    if (search !== "") url += `${url.includes("?") ? "&" : "?"}${search}`;
  }
  return url;
}
