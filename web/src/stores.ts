// The connected stores, shared by every screen that offers a store selector.
import { useQuery } from "@tanstack/react-query";
import type { ResponseOf } from "./api/types.ts";
import { api } from "./api.ts";

/** A store as GET /api/v1/stores lists it, with its health (as on the Visão geral). */
export type Store = ResponseOf<"/api/v1/stores", "get">[number];

export const STORES_KEY = ["stores"] as const;

export function useStores() {
  return useQuery({ queryKey: STORES_KEY, queryFn: () => api<Store[]>("/api/v1/stores"), staleTime: 30_000 });
}
