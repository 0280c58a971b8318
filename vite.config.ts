import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));
const renderer = resolve(repo, 'src-renderer');

/**
 * Renderer build: one page per window (operator, admin) -> out/renderer/<window>/index.html.
 * `base: './'` keeps every asset URL relative, so the same files load under app:// in
 * Electron and under http:// in the web preview. No remote assets: the booth may be offline.
 */
export default defineConfig({
  root: renderer,
  base: './',
  publicDir: false,
  plugins: [svelte({ configFile: false })],
  build: {
    outDir: resolve(repo, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    // Inline data: URLs would need CSP allowances for fonts/scripts; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        operator: resolve(renderer, 'operator/index.html'),
        admin: resolve(renderer, 'admin/index.html'),
      },
    },
  },
  server: { host: '127.0.0.1', strictPort: true },
});
