import { z } from 'zod';

/**
 * Both windows import shared modules that build zod schemas (the admin window validates presets with
 * them). zod 4 compiles parsers with `new Function` when it may; the CSP forbids eval, and even zod's
 * probe for it is reported as a violation. Interpreted parsing is plenty fast here. Imported first by
 * every window's entry, before any schema is used.
 */
z.config({ jitless: true });
