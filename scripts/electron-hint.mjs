// What `npm start` tells a user whose machine has no Electron binary, from what is actually there. npm removes
// an optional dependency whole when its install script fails (the Electron package downloads its binary in
// that script), so node_modules/electron/install.js only helps when the package survived the install.

/**
 * @param {{
 *   packagePresent: boolean,
 *   pinnedVersion: string | null,
 *   reason: string,
 *   skipDownload: boolean,
 * }} found what start.mjs found: whether node_modules/electron exists, the version package.json pins, why the
 *   binary could not be loaded, and whether ELECTRON_SKIP_BINARY_DOWNLOAD is set in this environment.
 * @returns {string[]} the lines to print
 */
export function electronMissingHint(found) {
  const pinned = found.pinnedVersion ? `electron@${found.pinnedVersion}` : 'electron';
  const lines = ['Lunora Booth: the Electron binary is not installed, so the desktop app cannot start here.'];
  lines.push(`  (${found.reason})`);
  if (found.skipDownload)
    lines.push(
      '  ELECTRON_SKIP_BINARY_DOWNLOAD is set in this shell: unset it first, or the download is skipped again.',
    );
  if (found.packagePresent) {
    lines.push(
      '  The electron package is installed but its binary was never downloaded. With network access, run:',
      '    node node_modules/electron/install.js',
    );
  } else {
    lines.push(
      '  npm removed the optional electron package when its download failed during the install.',
      '  With network access, run the install again (npm ci), or add only Electron without changing package.json:',
      `    npm install --no-save ${pinned}`,
    );
  }
  lines.push('  Starting the web preview instead (npm run web): same console, same core, in your browser.');
  return lines;
}
