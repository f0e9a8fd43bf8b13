import { createLogger, installLogger } from "@/lib/telemetry/logger";

// Unit tests run the proxy's handlers without instrumentation.ts: their log lines would only clutter the test output.
// A test that checks the lines passes a logger of its own.
installLogger(createLogger("silent"));
