// Text PostgreSQL cannot hold: U+0000 (refused by text and jsonb) and lone UTF-16 surrogates
// (refused by jsonb; JSON.parse lets "\ud800" through). A payload carrying either is stored
// without them — NUL removed, a lone surrogate replaced by U+FFFD — and everything else as
// received; the fields touched are reported so the order can be flagged for the operator.

// biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what is looked for
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BAD_ALL = new RegExp(BAD.source, "g");
/** In JSON.stringify's output, the only way either can appear (valid pairs are written as is). */
const ESCAPED = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;
/** The fields listed, at most: the flag says what happened, not every place. */
const MAX_FIELDS = 20;

export interface CleanedPayload {
  value: unknown;
  /** Where text was changed, e.g. customer.name, products[0].name; empty when nothing was. */
  fields: string[];
}

const fix = (s: string) => s.replace(BAD_ALL, (c) => (c === "\u0000" ? "" : "\ufffd"));

/** `json` is JSON.stringify(value), when the caller has it: a clean payload costs one regex test. */
export function cleanPayload(value: unknown, json = JSON.stringify(value)): CleanedPayload {
  if (json === undefined || !ESCAPED.test(json)) return { value, fields: [] };
  const fields: string[] = [];
  const note = (path: string) => {
    if (fields.length < MAX_FIELDS && !fields.includes(path)) fields.push(path || "(raiz)");
  };
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === "string") {
      if (!BAD.test(v)) return v;
      note(path);
      return fix(v);
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (typeof v === "object" && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(v)) {
        const name = BAD.test(key) ? fix(key) : key;
        const at = path ? `${path}.${name}` : name;
        if (name !== key) note(at);
        out[name] = walk(item, at);
      }
      return out;
    }
    return v;
  };
  const walked = walk(value, "");
  // The quick test also matches text that merely spells a backslash escape: then nothing changed.
  return fields.length === 0 ? { value, fields } : { value: walked, fields };
}
