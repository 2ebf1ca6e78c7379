/** The session token the reference server accepts in every benchmark (any opaque string). */
export const BENCH_TOKEN = "bench-session-token.0123456789abcdef";

/** The model the provider asks for by default (its `DEFAULT_MODEL`); the baseline sends it too. */
export const BENCH_MODEL = "OA_SFT_Llama_30B_6";
