import { z } from "zod";

/**
 * Imported first by every module whose zod schemas run in the browser. Left alone, zod probes `new Function` to
 * compile its parsers, which the page's CSP refuses (and reports as a violation); jitless parsing needs no eval. Zod
 * reads the setting when an object schema is built, so it must run before the importing module builds its schemas.
 */
z.config({ jitless: true });
