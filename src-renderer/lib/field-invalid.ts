import type { FieldProblem } from '../../shared/ipc/field-problems';

/**
 * What an input carries while main refuses its field: aria-invalid (the form styles draw it in the error colour) and
 * aria-describedby naming the element that says why, so a screen reader reads the refusal with the field. Nothing
 * once the field is fine again. Spread it on the input: `<input {...invalidAttrs(problems, 'port', answerId)} />`.
 */
export function invalidAttrs(
  problems: readonly FieldProblem[] | null | undefined,
  field: string,
  messageId: string,
): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  return problems?.some((p) => p.field === field) ? { 'aria-invalid': 'true', 'aria-describedby': messageId } : {};
}
