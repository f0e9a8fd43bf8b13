/** Types of record-connections.mjs, the fuzzer's preload (plain JavaScript: the server runs it without tsx). */
export function recordConnections(logFile: string): () => void;
