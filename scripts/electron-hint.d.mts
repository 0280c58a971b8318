/** Types of electron-hint.mjs, which plain node runs from start.mjs. */
export interface ElectronFound {
  /** Whether node_modules/electron exists. */
  packagePresent: boolean;
  /** The version package.json pins, if any. */
  pinnedVersion: string | null;
  /** Why the binary could not be loaded. */
  reason: string;
  /** Whether ELECTRON_SKIP_BINARY_DOWNLOAD is set in this environment. */
  skipDownload: boolean;
}

export function electronMissingHint(found: ElectronFound): string[];
