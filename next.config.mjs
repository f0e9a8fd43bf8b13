/** Features Chromium knows: it logs an error for an unknown one (other browsers skip what they lack). */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // A separate build folder lets parallel test runs (and CI) build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The e2e run's build (playwright.config.ts) skips Next's own type-check, which `npm test` does before it with
  // `tsc --noEmit` on the same sources. Every other build, the production one included, type-checks.
  typescript: { ignoreBuildErrors: process.env.OPWATCH_SKIP_BUILD_TYPECHECK === "1" },
  // A self-contained server (.next/standalone) with only the dependencies it uses: what the Dockerfile ships.
  output: "standalone",
  // Pinned to this folder, so server.js lands at the top of the standalone folder even when a lockfile higher up (a
  // monorepo, a home folder) would make Next trace from there; scripts/assemble-standalone.mjs relies on it.
  outputFileTracingRoot: import.meta.dirname,
  // Pages show no raster images, so the optimizer (a request path that fetches and resizes on demand) stays off.
  images: { unoptimized: true },
  // With it off, sharp and its libvips binaries are never loaded (/_next/image answers 404 before reaching them): they
  // stay out of the standalone folder, half its size and the only native code it would ship.
  outputFileTracingExcludes: { "*": ["**/node_modules/sharp/**/*", "**/node_modules/@img/**/*"] },
  // The server's telemetry (lib/telemetry, loaded by instrumentation.ts): required from node_modules at run time rather
  // than bundled, so Next's own spans and the proxy's share one OpenTelemetry API, and each exporter loads only when
  // its setting is set. pino and pino-pretty are on Next's own list already.
  serverExternalPackages: [
    "@opentelemetry/api",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-metrics",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/exporter-metrics-otlp-http",
    "@azure/monitor-opentelemetry-exporter",
  ],
  // Headers that are the same on every answer; the page's CSP (a nonce per response), COOP and HSTS come from proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          // Features a dashboard never uses, off for this page and anything it could embed.
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      {
        // Proxy answers are JSON: were one opened as a document, nothing in it could load, run or be framed.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }],
      },
    ];
  },
};

export default nextConfig;
