// Correios tracking codes follow UPU S10: service letters, 8-digit serial, check digit, country.
// Other carriers (Jadlog, Loggi, J&T…) have their own formats and are not checked here.

export type CorreiosCodeCheck =
  | { ok: true; code: string }
  | { ok: false; reason: "missing" | "bad_format" | "bad_check_digit"; code: string };

const SHAPE = /^[A-Z]{2}[0-9]{9}[A-Z]{2}$/;
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** S10 check digit for an 8-digit serial: r = sum mod 11; 0 → 5, 1 → 0, else 11 − r. */
export function s10CheckDigit(serial: string): string {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(serial[i] ?? "0") * (WEIGHTS[i] ?? 0);
  const r = sum % 11;
  if (r === 0) return "5";
  if (r === 1) return "0";
  return String(11 - r);
}

/** Trims and upper-cases, then checks shape and check digit. Inner spaces are not removed. */
export function checkCorreiosCode(raw: string | null | undefined): CorreiosCodeCheck {
  const code = (raw ?? "").trim().toUpperCase();
  if (code === "") return { ok: false, reason: "missing", code };
  if (!SHAPE.test(code)) return { ok: false, reason: "bad_format", code };
  if (s10CheckDigit(code.slice(2, 10)) !== code.slice(10, 11)) {
    return { ok: false, reason: "bad_check_digit", code };
  }
  return { ok: true, code };
}

export function isValidCorreiosCode(raw: string | null | undefined): boolean {
  return checkCorreiosCode(raw).ok;
}
