// Envios à loja (R8.1): what each step owes the store, and how sending it went.
import { Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { usePushes } from "./back-office-api.ts";
import { CaptionedTable } from "./fulfilment-ui.tsx";

const PUSH_STATUS: Record<string, [string, string]> = {
  pending: ["Na fila", "badge-info"],
  sent: ["Enviado", "badge-ok"],
  failed: ["Falhou", "badge-bad"],
  skipped: ["Não enviado", "badge-warn"],
};

const COLUMNS = [
  { name: "Ação" },
  { name: "Situação" },
  { name: "Tentativas", num: true },
  { name: "Quando" },
];

export function OrderPushes({ orderId }: { orderId: number }) {
  const pushes = usePushes(orderId);
  if (pushes.isPending || (pushes.isSuccess && pushes.data.length === 0)) return null;
  if (pushes.isError) return <Notice kind="error">{describeError(pushes.error)}</Notice>;
  return (
    <CaptionedTable label="Envios à loja" columns={COLUMNS}>
      {pushes.data.map((p) => {
        const [label, tone] = PUSH_STATUS[p.status] ?? [p.status, ""];
        return (
          <tr key={p.id}>
            <td>
              {p.summary ?? p.action}
              {p.channel !== "platform" ? (
                <div className="muted small">{p.channel === "xml" ? "XML" : "Webhook"}</div>
              ) : null}
              {p.lastError && p.status !== "sent" ? (
                <div className="muted small break">{p.lastError}</div>
              ) : null}
            </td>
            <td>
              <span className={`badge ${tone}`}>{label}</span>
            </td>
            <td className="num">{p.attempts}</td>
            <td>{formatDateTime(p.sentAt ?? p.createdAt)}</td>
          </tr>
        );
      })}
    </CaptionedTable>
  );
}
