// CEP: 8 digits kept as text (São Paulo capital starts with 0). Only the shape is checked here;
// whether a CEP exists needs a lookup service (ViaCEP / BrasilAPI).

const SHAPE = /^[0-9]{5}-?[0-9]{3}$/;

/** "01310-100" or "01310100" (surrounding whitespace ignored) → "01310100"; any other shape → null. */
export function normalizeCep(raw: string | null | undefined): string | null {
  const value = (raw ?? "").trim();
  return SHAPE.test(value) ? value.replace("-", "") : null;
}

/** "01310100" → "01310-100". Input that is not a CEP comes back unchanged. */
export function formatCep(value: string): string {
  const cep = normalizeCep(value);
  return cep === null ? value : `${cep.slice(0, 5)}-${cep.slice(5)}`;
}
