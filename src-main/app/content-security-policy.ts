/**
 * The renderer's CSP, sent as a header by the web preview and by the app:// protocol, and
 * repeated in each page's meta tag. 'self' in connect-src also covers ws:// to the same host.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
