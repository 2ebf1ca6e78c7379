/**
 * Test kit for provider authors: a configurable mock provider, a result collector and a
 * throwaway HTTP server on 127.0.0.1.
 *
 * @packageDocumentation
 */

export { wait, waitForAbort } from "./internal/wait.js";
export { type CollectedResult, collect } from "./testing/collect.js";
export {
  createMockProvider,
  type MockCall,
  MockProvider,
  type MockProviderOptions,
  type MockStats,
  type MockToken,
} from "./testing/mock-provider.js";
export { startTestServer, type TestServer } from "./testing/start-test-server.js";
