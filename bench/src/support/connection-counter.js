import diagnosticsChannel from "node:diagnostics_channel";

/**
 * Counts TCP connections this process opens (both undici copies, the npm one behind @g4f/core and
 * Node's behind global fetch, publish `undici:client:connected`).
 * @returns {{ count(): number, stop(): void }}
 */
export function countConnections() {
  let count = 0;
  const onConnect = () => {
    count++;
  };
  diagnosticsChannel.subscribe("undici:client:connected", onConnect);
  return {
    count: () => count,
    stop: () => diagnosticsChannel.unsubscribe("undici:client:connected", onConnect),
  };
}
