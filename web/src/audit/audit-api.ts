// Auditoria: the audit trail a page at a time under the screen's filters, and its CSV.
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";

type Page = ResponseOf<"/api/v1/audit", "get">;
export type AuditRow = Page["items"][number];

export interface AuditFilters {
  from: string;
  to: string;
  actor: string;
  action: string;
  q: string;
}

export const NO_FILTERS: AuditFilters = { from: "", to: "", actor: "", action: "", q: "" };

const query = (f: AuditFilters) => ({
  from: f.from,
  to: f.to,
  actor: f.actor.trim(),
  action: f.action,
  q: f.q.trim(),
});

/** The CSV of what the list shows under `f` (GET /api/v1/exports/audit). */
export const auditExportUrl = (f: AuditFilters) => withQuery("/api/v1/exports/audit", query(f));

export function useAuditList(f: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ["audit", "list", f],
    queryFn: ({ pageParam, signal }) =>
      api<Page>(withQuery("/api/v1/audit", { ...query(f), limit: 50, after: pageParam }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
}
