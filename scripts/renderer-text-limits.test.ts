import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type AST } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

/**
 * Every text field of the windows carries a maxlength, so an operator or admin cannot type (or paste) more than
 * main accepts: a 300,000-character paste must stop at the field, not travel to main and be refused there.
 */
const rendererDir = fileURLToPath(new URL('../src-renderer', import.meta.url));
const NOT_TEXT = new Set(['number', 'checkbox', 'radio', 'time', 'date', 'range', 'color', 'file', 'hidden']);

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(full);
    return entry.name.endsWith('.svelte') ? [full] : [];
  });
}

function attribute(node: AST.RegularElement, name: string): AST.Attribute | undefined {
  return node.attributes.find((a): a is AST.Attribute => a.type === 'Attribute' && a.name === name);
}

function staticValue(attr: AST.Attribute | undefined): string | null {
  if (!attr || attr.value === true) return null;
  const parts = Array.isArray(attr.value) ? attr.value : [attr.value];
  return parts.every((p) => p.type === 'Text') ? parts.map((p) => p.data).join('') : null;
}

function textFieldsWithoutLimit(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const ast = parse(source, { modern: true });
  const missing: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const element = node as AST.RegularElement;
    if (element.type === 'RegularElement' && (element.name === 'input' || element.name === 'textarea')) {
      const type = staticValue(attribute(element, 'type')) ?? 'text';
      if (!NOT_TEXT.has(type) && !attribute(element, 'maxlength')) {
        const line = source.slice(0, element.start).split('\n').length;
        missing.push(`${path.relative(rendererDir, file)}:${line} <${element.name} type="${type}">`);
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'parent') visit(value);
  };
  visit(ast.fragment);
  return missing;
}

describe('text fields of the windows', () => {
  it('finds the fields it checks (the scan itself works)', () => {
    expect(svelteFiles(rendererDir).length).toBeGreaterThan(10);
    const probe = path.join(rendererDir, 'lib/components/admin/DestinationForm.svelte');
    expect(readFileSync(probe, 'utf8')).toContain('<input');
  });

  it('each has a maxlength', () => {
    expect(svelteFiles(rendererDir).flatMap(textFieldsWithoutLimit)).toEqual([]);
  });
});
