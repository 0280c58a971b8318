import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';

/** Registered before `ready` (Electron requires it): standard for relative URLs and a real origin, secure for a secure context. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, codeCache: true },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export type Resolution = { ok: true; file: string; mime: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// URL to a file under `root`, or refuses it. Pure, so the traversal rules are
 * tested without Electron. The URL parser already folds `..`, but percent-encoded separators
 * (`..%2F`) only become separators after decoding, hence the containment check at the end.
 */
export function resolveAppRequest(url: string, root: string): Resolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  if (pathname.endsWith('/')) pathname += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { ok: false, status: 403 };
  const mime = MIME[path.extname(file).toLowerCase()];
  if (mime === undefined) return { ok: false, status: 404 };
  return { ok: true, file, mime };
}

export interface FileReader {
  isFile(file: string): Promise<boolean>;
  read(file: string): Promise<Uint8Array>;
}

/** fs works inside app.asar too (Electron patches it), so no electron import is needed here. */
const nodeFileReader: FileReader = {
  async isFile(file) {
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  },
  read: (file) => readFile(file),
};

// The same headers as the web preview's static server: one policy for both transports.
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** The `protocol.handle` callback: serves only files under `root`, always with the CSP header. */
export function createAppProtocolHandler(
  root: string,
  reader: FileReader = nodeFileReader,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: SECURITY_HEADERS });
    }
    const resolved = resolveAppRequest(request.url, root);
    if (!resolved.ok) return new Response(null, { status: resolved.status, headers: SECURITY_HEADERS });
    if (!(await reader.isFile(resolved.file))) return new Response(null, { status: 404, headers: SECURITY_HEADERS });
    const body = request.method === 'HEAD' ? null : await reader.read(resolved.file);
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mime, 'Cache-Control': 'no-cache' },
    });
  };
}
