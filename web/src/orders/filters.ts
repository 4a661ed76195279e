// The Pedidos filters live in the address (?status=…&busca=…&ordenar=total&ordem=asc), so a
// link, a reload and the back button all show the same list. Money is kept in reais (150.5).
import { CANONICAL_STATUSES } from "../../../src/domain/order-status.ts";
import { parseMoney } from "../format.ts";
import { searchProblem } from "../search.ts";

export type SortKey = "ordered_at" | "status" | "total";
export type SortOrder = "asc" | "desc";

export interface OrderFilters {
  from: string;
  to: string;
  status: string;
  storeId: string;
  /** The search box: a number, a name or a CPF/CNPJ (the API's `q`). */
  search: string;
  minTotal: string;
  maxTotal: string;
  sort: SortKey;
  order: SortOrder;
}

const SORT_PARAM: Record<SortKey, string> = { ordered_at: "data", status: "status", total: "valor" };

export const EMPTY_FILTERS: OrderFilters = {
  from: "",
  to: "",
  status: "",
  storeId: "",
  search: "",
  minTotal: "",
  maxTotal: "",
  sort: "ordered_at",
  order: "desc",
};

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const isAmount = (v: string) => /^\d+(\.\d{1,2})?$/.test(v);

export function readFilters(params: URLSearchParams): OrderFilters {
  const get = (k: string) => params.get(k)?.trim() ?? "";
  const sortParam = get("ordenar");
  const sort =
    (Object.keys(SORT_PARAM) as SortKey[]).find((k) => SORT_PARAM[k] === sortParam) ?? "ordered_at";
  const status = get("status");
  return {
    from: isDate(get("de")) ? get("de") : "",
    to: isDate(get("ate")) ? get("ate") : "",
    status: (CANONICAL_STATUSES as readonly string[]).includes(status) ? status : "",
    storeId: /^\d+$/.test(get("loja")) ? get("loja") : "",
    // `cliente` is the address the customer filter had before the search box: still read.
    search: get("busca") || get("cliente"),
    minTotal: isAmount(get("valorMin")) ? get("valorMin") : "",
    maxTotal: isAmount(get("valorMax")) ? get("valorMax") : "",
    sort,
    order: get("ordem") === "asc" ? "asc" : "desc",
  };
}

export function writeFilters(f: OrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (k: string, v: string) => {
    if (v) params.set(k, v);
  };
  set("de", f.from);
  set("ate", f.to);
  set("status", f.status);
  set("loja", f.storeId);
  set("busca", f.search.trim());
  set("valorMin", f.minTotal);
  set("valorMax", f.maxTotal);
  if (f.sort !== "ordered_at") set("ordenar", SORT_PARAM[f.sort]);
  if (f.order !== "desc") set("ordem", f.order);
  return params;
}

const toCents = (reais: string) => (reais ? Math.round(Number(reais) * 100) : undefined);

/** The filters as GET /api/v1/orders takes them. */
export function apiQuery(f: OrderFilters) {
  return {
    from: f.from || undefined,
    to: f.to || undefined,
    status: f.status || undefined,
    storeId: f.storeId || undefined,
    q: f.search || undefined,
    minTotal: toCents(f.minTotal),
    maxTotal: toCents(f.maxTotal),
    sort: f.sort,
    order: f.order,
  };
}

/** What the operator typed in the form (money as typed, "1.500,00"), checked before it reaches the address. */
export type FilterDraft = Omit<OrderFilters, "sort" | "order">;

export type DraftErrors = Partial<Record<keyof FilterDraft, string>>;

const reaisText = (reais: string) => (reais ? reais.replace(".", ",") : "");

export function draftFrom({ sort: _sort, order: _order, ...f }: OrderFilters): FilterDraft {
  return { ...f, minTotal: reaisText(f.minTotal), maxTotal: reaisText(f.maxTotal) };
}

/** "150.50" (a dot before the cents, no comma) is read as 150,50; otherwise pt-BR as parseMoney reads it. */
function readAmount(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+\.\d{1,2}$/.test(t)) return Math.round(Number(t) * 100);
  return parseMoney(t);
}

/** Checks a draft; returns the filters to apply, or the pt-BR problem of each field. */
export function applyDraft(
  draft: FilterDraft,
  current: OrderFilters,
): { filters: OrderFilters } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const min = draft.minTotal.trim() ? readAmount(draft.minTotal) : undefined;
  const max = draft.maxTotal.trim() ? readAmount(draft.maxTotal) : undefined;
  if (draft.minTotal.trim() && (min === undefined || min < 0))
    errors.minTotal = "Valor inválido. Exemplo: 150,00";
  if (draft.maxTotal.trim() && (max === undefined || max < 0))
    errors.maxTotal = "Valor inválido. Exemplo: 1.500,00";
  if (min !== undefined && max !== undefined && min > max && !errors.maxTotal) {
    errors.maxTotal = "O valor máximo deve ser maior ou igual ao mínimo.";
  }
  if (draft.from && draft.to && draft.from > draft.to)
    errors.to = "A data final deve ser igual ou posterior à inicial.";
  const search = draft.search.trim();
  const problem = searchProblem(search);
  if (problem) errors.search = problem;
  if (Object.keys(errors).length > 0) return { errors };
  const reais = (cents: number | undefined) => (cents === undefined ? "" : String(cents / 100));
  return {
    filters: {
      ...current,
      from: draft.from,
      to: draft.to,
      status: draft.status,
      storeId: draft.storeId,
      search,
      minTotal: reais(min),
      maxTotal: reais(max),
    },
  };
}
