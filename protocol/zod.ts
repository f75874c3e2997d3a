/**
 * zod as every BLING schema uses it: without its JIT. The JIT builds parsers with `new Function`,
 * which the site's Content-Security-Policy forbids (no 'unsafe-eval') in pages and workers alike,
 * and merely probing for it is reported as a violation. Interpreted parsing is fast enough for
 * ballots, bundles and configs. Import `z` from here, never from "zod" directly.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
