// Clientes as the panel reads and changes them: the list (search, a page at a time), the record,
// the edit, the merge, and the link of an order to a customer.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api, withQuery } from "../api.ts";
import { ORDERS_KEY } from "../orders/orders-api.ts";

type CustomerList = ResponseOf<"/api/v1/customers", "get">;
export type CustomerListItem = CustomerList["items"][number];
export type CustomerRecord = ResponseOf<"/api/v1/customers/{id}", "get">;
export type CustomerEdit = RequestOf<"/api/v1/customers/{id}", "patch">;

export const CUSTOMERS_KEY = ["customers"] as const;
const customerKey = (id: number) => ["customers", "detail", id] as const;

export function useCustomerList(q: string, pageSize = 50, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: ["customers", "list", q, pageSize],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<CustomerList>(withQuery("/api/v1/customers", { q, limit: pageSize, after: pageParam }), { signal }),
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: number) {
  return useQuery({
    queryKey: customerKey(id),
    queryFn: ({ signal }) => api<CustomerRecord>(`/api/v1/customers/${id}`, { signal }),
    enabled: Number.isSafeInteger(id) && id > 0,
  });
}

/** A change to customers: the lists, the records and the orders showing them are read again. */
function useCustomerMutation<A, R>(run: (args: A) => Promise<R>, onDone?: (result: R, args: A) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // Here rather than in mutate's callbacks: these run even when the form that asked is gone.
    onSuccess: (result, args) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      void queryClient.invalidateQueries({ queryKey: ORDERS_KEY });
      onDone?.(result, args);
    },
  });
}

export const useEditCustomer = (id: number) =>
  useCustomerMutation((body: CustomerEdit) =>
    api<CustomerRecord>(`/api/v1/customers/${id}`, { method: "PATCH", body }),
  );

export const useMergeCustomer = (id: number) =>
  useCustomerMutation((otherId: number) =>
    api<ResponseOf<"/api/v1/customers/{id}/merge", "post">>(`/api/v1/customers/${id}/merge`, {
      method: "POST",
      body: { otherId },
    }),
  );

/** `onLinked` runs once linked (the order's page then shows the customer, and the form goes away). */
export const useLinkOrder = (orderId: number, onLinked: (customerId: number) => void) =>
  useCustomerMutation(
    (customerId: number) =>
      api<ResponseOf<"/api/v1/orders/{id}/customer", "post">>(`/api/v1/orders/${orderId}/customer`, {
        method: "POST",
        body: { customerId },
      }),
    (_, customerId) => onLinked(customerId),
  );
