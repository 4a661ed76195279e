// LGPD requests as the panel reads and makes them: all of them (Configurações › Privacidade), a
// customer's, and the two a user makes on the record (export the data, anonymise the customer).
// Lists are read again every few seconds while a request is still pending (a job carries it out).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";
import { CUSTOMERS_KEY } from "../customers/customers-api.ts";
import { ORDERS_KEY } from "../orders/orders-api.ts";

export type PrivacyRequest = ResponseOf<"/api/v1/privacy-requests", "get">["items"][number];
type PrivacyList = ResponseOf<"/api/v1/privacy-requests", "get">;
export type ManualKind = RequestOf<"/api/v1/customers/{id}/privacy-requests", "post">["kind"];

const PRIVACY_KEY = ["privacy-requests"] as const;

const whilePending = (data: PrivacyList | undefined) =>
  data?.items.some((r) => r.state === "pending") ? 2000 : false;

export function usePrivacyRequests() {
  return useQuery({
    queryKey: [...PRIVACY_KEY, "all"],
    queryFn: ({ signal }) => api<PrivacyList>("/api/v1/privacy-requests", { signal }),
    refetchInterval: (query) => whilePending(query.state.data),
  });
}

export function useCustomerPrivacyRequests(customerId: number) {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...PRIVACY_KEY, "customer", customerId],
    queryFn: async ({ signal }) => {
      const list = await api<PrivacyList>(`/api/v1/customers/${customerId}/privacy-requests`, { signal });
      // A request just done may have anonymised the record: read it again.
      if (list.items.some((r) => r.state !== "pending"))
        void client.invalidateQueries({ queryKey: ["customers", "detail", customerId] });
      return list;
    },
    refetchInterval: (query) => whilePending(query.state.data),
  });
}

export function useCreatePrivacyRequest(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (kind: ManualKind) =>
      api<PrivacyRequest>(`/api/v1/customers/${customerId}/privacy-requests`, {
        method: "POST",
        body: { kind },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: PRIVACY_KEY });
      void client.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      void client.invalidateQueries({ queryKey: ORDERS_KEY });
    },
  });
}

export const dataUrl = (id: number) => `/api/v1/privacy-requests/${id}/data.json`;

export const KIND_LABEL: Record<PrivacyRequest["kind"], string> = {
  data_request: "Exportação de dados",
  customer_redact: "Anonimização de cliente",
  store_redact: "Remoção dos dados da loja",
};

export const STATE_LABEL: Record<PrivacyRequest["state"], string> = {
  pending: "Pendente",
  done: "Concluída",
  failed: "Falhou",
  cancelled: "Cancelada (loja conectada de novo)",
};
