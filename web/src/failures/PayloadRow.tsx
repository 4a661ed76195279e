// "Ver payload": the order as the platform sent it, loaded only when opened.
import { useQuery } from "@tanstack/react-query";
import type { ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";
import { Loading, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";

export function OrderPayload({ storeId, externalId }: { storeId: number; externalId: string }) {
  const payload = useQuery({
    queryKey: ["failures", "payload", storeId, externalId],
    queryFn: () =>
      api<ResponseOf<"/api/v1/failures/orders/{storeId}/{externalId}/payload", "get">>(
        `/api/v1/failures/orders/${storeId}/${encodeURIComponent(externalId)}/payload`,
      ),
    staleTime: 60_000,
  });
  if (payload.isPending) return <Loading label="Carregando o payload…" />;
  if (payload.isError) return <Notice kind="error">{describeError(payload.error)}</Notice>;
  return <PayloadView raw={payload.data.raw} problem={payload.data.normalizeError} />;
}

export function PayloadView({ raw, problem }: { raw: unknown; problem?: string | null }) {
  return (
    <>
      {problem ? (
        <p className="field-error small">
          <strong>O Ponte não conseguiu ler este pedido:</strong> {problem}
        </p>
      ) : null}
      {raw === null || raw === undefined ? (
        <p className="muted">Nenhum payload guardado.</p>
      ) : (
        <pre className="payload">{JSON.stringify(raw, null, 2)}</pre>
      )}
    </>
  );
}
