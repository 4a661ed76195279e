// The mapping-table routes answer a bad table with a 400 listing every problem with its field
// (`rows[3].platformValues[0]`) and a pt-BR sentence; the editors show each next to its input.
import { ApiError } from "../api.ts";

export interface FieldProblem {
  field: string;
  problem: string;
  message: string;
  message_pt?: string;
}

/** The problems of a 400 from a table route; empty for any other error. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const list = error.details.details;
  return Array.isArray(list) ? (list as FieldProblem[]) : [];
}

/** "rows[3].platformValue: não pode ficar vazio" → "não pode ficar vazio" (the input says which field). */
export function problemText(p: FieldProblem): string {
  const text = p.message_pt ?? p.message;
  const prefix = `${p.field}: `;
  const bare = text.startsWith(prefix) ? text.slice(prefix.length) : text;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** field → pt-BR text; a field with several problems shows them joined. */
export function problemsByField(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of fieldProblems(error)) {
    const text = problemText(p);
    out.set(p.field, out.has(p.field) ? `${out.get(p.field)}; ${text}` : text);
  }
  return out;
}
