import { describe, expect, it } from 'vitest';
import { electronMissingHint } from './electron-hint.mjs';

const base = { pinnedVersion: '41.7.1', reason: 'Electron failed to install correctly', skipDownload: false };

describe('the hint npm start prints without the Electron binary', () => {
  it('when npm removed the optional package: reinstall it, never the install.js that is gone with it', () => {
    const text = electronMissingHint({ ...base, packagePresent: false }).join('\n');
    expect(text).toContain('npm install --no-save electron@41.7.1');
    expect(text).toContain('npm ci');
    expect(text).not.toContain('install.js');
    expect(text).toContain('npm run web');
  });

  it("when the package is there but its binary is not: run the package's own download", () => {
    const text = electronMissingHint({ ...base, packagePresent: true }).join('\n');
    expect(text).toContain('node node_modules/electron/install.js');
    expect(text).not.toContain('npm install --no-save');
  });

  it('says when ELECTRON_SKIP_BINARY_DOWNLOAD would skip the download again', () => {
    expect(electronMissingHint({ ...base, packagePresent: true, skipDownload: true }).join('\n')).toContain(
      'ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    );
    expect(electronMissingHint({ ...base, packagePresent: true }).join('\n')).not.toContain(
      'ELECTRON_SKIP_BINARY_DOWNLOAD',
    );
  });

  it('names the reason the binary could not be loaded', () => {
    expect(electronMissingHint({ ...base, packagePresent: false })[1]).toBe('  (Electron failed to install correctly)');
  });
});
