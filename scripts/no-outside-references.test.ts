import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Comments and docs state facts or cite AWS; they never send a reader to documents that are not in this
 * repository (the product brief, the architecture note, a hand-over), which whoever reads the code may not have.
 */
const repo = fileURLToPath(new URL('..', import.meta.url));
const OUTSIDE = /PRODUCT\.md|ARCHITECTURE\.md|\bthe brief\b|\bhand-?over\b|\.\.\/shared\/(docs|seed)/i;
const SELF = 'scripts/no-outside-references.test.ts';

function trackedTextFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
  return out
    .split('\n')
    .filter((f) => /\.(ts|js|mjs|svelte|md|ya?ml|json|html|css)$/.test(f) && f !== SELF && f !== 'package-lock.json');
}

describe('references to documents outside the repository', () => {
  it('scans the tree (the list is not empty) and finds none', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((file) =>
      readFileSync(path.join(repo, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (OUTSIDE.test(line) ? [`${file}:${i + 1}: ${line.trim().slice(0, 100)}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
