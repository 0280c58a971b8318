import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

/** A line or file of ~/.aws/config or ~/.aws/credentials the console cannot use, for the admin to fix. */
export interface ConfigIssue {
  file: string;
  /** 1-based; null when the problem is the file as a whole (unreadable). */
  line: number | null;
  message: string;
}

/**
 * The two shared files as the SDKs and the AWS CLI find them: AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE,
 * else ~/.aws/config and ~/.aws/credentials (AWS SDKs and Tools Reference Guide, "Location of the shared config
 * and credentials files", https://docs.aws.amazon.com/sdkref/latest/guide/file-location.html).
 */
function sharedConfigPaths(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  const home = env['HOME'] || env['USERPROFILE'] || os.homedir();
  return {
    config: env['AWS_CONFIG_FILE'] || path.join(home, '.aws', 'config'),
    credentials: env['AWS_SHARED_CREDENTIALS_FILE'] || path.join(home, '.aws', 'credentials'),
  };
}

const SECTION = /^\[\s*[^\]]+\]$/;
const SETTING = /^[^=\s][^=]*=/;

/**
 * Lines the SDK's own INI loader would silently skip (a section header that is not closed, a setting without
 * "=", a setting before any section), so a typo is reported with its line instead of surfacing later as a
 * missing setting. The files' format is "Format of the config file" (AWS SDKs and Tools Reference Guide,
 * https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html): `[section]` headers, `name = value`
 * settings, indented sub-settings, `#` and `;` comments. Parsing itself stays the SDK's
 * (@smithy/shared-ini-file-loader).
 */
function lintIni(file: string, text: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  let inSection = false;
  // Settings after an unclosed header are the header's problem: one message, not one per line.
  let afterBrokenHeader = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.split(/(^|\s)[;#]/)[0]?.trim() ?? '';
    if (line === '') return;
    const at = index + 1;
    if (line.startsWith('[')) {
      afterBrokenHeader = !SECTION.test(line);
      if (!afterBrokenHeader) inSection = true;
      else
        issues.push({
          file,
          line: at,
          message: `"${line.slice(0, 60)}" is not a section header: it needs a closing "]".`,
        });
      return;
    }
    if (!SETTING.test(line)) {
      issues.push({ file, line: at, message: `"${line.slice(0, 60)}" is not a setting: write it as "name = value".` });
      return;
    }
    if (!inSection && !afterBrokenHeader)
      issues.push({ file, line: at, message: 'A setting before any [section] belongs to no profile.' });
  });
  return issues;
}

/** Reads one shared file for linting; a missing file is no problem (neither is required), an unreadable one is. */
async function lintFile(file: string): Promise<ConfigIssue[]> {
  try {
    return lintIni(file, await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    return [{ file, line: null, message: `The file cannot be read (${code ?? 'error'}); check its permissions.` }];
  }
}

export type IniSection = Record<string, string | undefined>;

export interface SharedConfig {
  configFile: Record<string, IniSection>;
  credentialsFile: Record<string, IniSection>;
  paths: { config: string; credentials: string };
  issues: ConfigIssue[];
}

/** Both shared files, parsed by the SDK's loader, with the lines it would skip reported. */
export async function readSharedConfig(env: NodeJS.ProcessEnv = process.env): Promise<SharedConfig> {
  const paths = sharedConfigPaths(env);
  const [loaded, configIssues, credentialIssues] = await Promise.all([
    loadSharedConfigFiles({ ignoreCache: true, filepath: paths.credentials, configFilepath: paths.config }),
    lintFile(paths.config),
    lintFile(paths.credentials),
  ]);
  return {
    configFile: loaded.configFile,
    credentialsFile: loaded.credentialsFile,
    paths,
    issues: [...configIssues, ...credentialIssues],
  };
}

/**
 * The line of `[profile name]` (or `[name]` for default / the credentials file) in a file's text, to point an
 * admin at the profile a problem belongs to; null when it cannot be found.
 */
export function sectionLine(text: string, header: string): number | null {
  const lines = text.split(/\r?\n/);
  const wanted = header.replace(/\s+/g, ' ');
  const index = lines.findIndex(
    (raw) =>
      raw
        .trim()
        .replace(/^\[\s*/, '[')
        .replace(/\s*\]$/, ']')
        .replace(/\s+/g, ' ') === `[${wanted}]`,
  );
  return index >= 0 ? index + 1 : null;
}
