// How an invoice is named on the page and in the toasts, and its access key printed.
import type { Invoice } from "./back-office-api.ts";

export const invoiceTitle = (i: Invoice) =>
  i.kind === "simple"
    ? `Venda simples${i.number ? ` nº ${i.number}` : ""}`
    : `NF-e nº ${i.number ?? "—"} série ${i.series ?? "—"}`;

/** "3526 0412 3456 …": the access key in groups of four, as printed on the DANFE. */
export const groupKey = (key: string) => key.replace(/(.{4})/g, "$1 ").trim();
