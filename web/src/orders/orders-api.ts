// The sales orders as the Pedidos list and the order page read them, and the status change.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";
import { apiQuery, type OrderFilters } from "./filters.ts";

type OrderList = ResponseOf<"/api/v1/orders", "get">;
export type OrderListItem = OrderList["items"][number];
export type OrderDetail = ResponseOf<"/api/v1/orders/{id}", "get">;
export type Address = NonNullable<OrderDetail["deliveryAddress"]>;
export type OrderEvent = OrderDetail["events"][number];
export type Transitions = ResponseOf<"/api/v1/orders/{id}/transitions", "get">;
export type StatusChange = RequestOf<"/api/v1/orders/{id}/status", "post">;

const PAGE_SIZE = 50;

export const ORDERS_KEY = ["orders"] as const;
export const orderKey = (id: number) => ["orders", "detail", id] as const;
export const transitionsKey = (id: number) => ["orders", "transitions", id] as const;

export function useOrderList(filters: OrderFilters) {
  return useInfiniteQuery({
    queryKey: ["orders", "list", filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<OrderList>(
        withQuery("/api/v1/orders", { ...apiQuery(filters), limit: PAGE_SIZE, after: pageParam }),
        { signal },
      ),
    getNextPageParam: (last) => last.next,
    // A new filter keeps the current rows on screen (marked as updating) until its answer comes.
    placeholderData: keepPreviousData,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: orderKey(id),
    queryFn: ({ signal }) => api<OrderDetail>(`/api/v1/orders/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

export function useTransitions(id: number, enabled: boolean) {
  return useQuery({
    queryKey: transitionsKey(id),
    queryFn: ({ signal }) => api<Transitions>(`/api/v1/orders/${id}/transitions`, { signal }),
    enabled,
  });
}

export const changeStatus = (id: number, body: StatusChange) =>
  api<ResponseOf<"/api/v1/orders/{id}/status", "post">>(`/api/v1/orders/${id}/status`, {
    method: "POST",
    body,
  });

export const deleteOrder = (id: number) => api<void>(`/api/v1/orders/${id}`, { method: "DELETE" });
