// Changing the status from the Histórico tab (R6.3): only the moves the order allows, the
// choice to notify the customer by e-mail, an optional message; a refusal says why. A status
// past payment on an order whose payment is not confirmed offers Confirmar pagamento inline
// (docs/REQUIREMENTS.md#seed-003): the form never confirms a payment on the way.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { ApiError } from "../api.ts";
import { Button, ConfirmDialog, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { ActionEffects } from "./ActionEffects.tsx";
import { InlinePaymentConfirm } from "./InlinePaymentConfirm.tsx";
import { canonicalLabel } from "./labels.ts";
import {
  changeStatus,
  ORDERS_KEY,
  type OrderDetail,
  type StatusChange,
  type Transitions,
  useTransitions,
} from "./orders-api.ts";

const MESSAGE_MAX = 1000;

/** Despachado is set by the Enviar form (Faturamento e envio, above the tabs): take the operator there. */
function goToShipmentForm() {
  const form = document.getElementById("form-envio");
  form?.scrollIntoView({ behavior: "smooth", block: "center" });
  form?.querySelector("input")?.focus({ preventScroll: true });
}
/** A cancelled order never changes status again: choosing it asks first. */
const FINAL_STATUS = "cancelado";

export function StatusChangeForm({ order }: { order: OrderDetail }) {
  const client = useQueryClient();
  const toast = useToast();
  const transitions = useTransitions(order.id, order.deletedAt === null);
  const [status, setStatus] = useState("");
  const email = order.customer?.email ?? order.customerSnapshot?.email ?? null;
  // docs/REQUIREMENTS.md#seed-003: "Notificar cliente" sim by default, when there is an address to write to.
  const [notify, setNotify] = useState(Boolean(email));
  const [message, setMessage] = useState("");
  const [missingStatus, setMissingStatus] = useState(false);
  const notifyName = useId();
  const confirmFinal = useRef<HTMLDialogElement>(null);

  const mutation = useMutation({
    mutationFn: (target: StatusChange["status"]) =>
      changeStatus(order.id, {
        status: target,
        notifyCustomer: notify,
        ...(message.trim() ? { message: message.trim() } : {}),
      }),
    onSuccess: (result) => {
      toast(
        "success",
        `Status alterado para ${canonicalLabel(result.canonicalStatus)}${notify ? ", com notificação ao cliente" : ""}.`,
      );
      setStatus("");
      setMessage("");
      void client.invalidateQueries({ queryKey: ORDERS_KEY });
      void client.invalidateQueries({ queryKey: ["integration"] });
    },
    onError: (error) => {
      // Refused because the order moved meanwhile: show it as it is now, with the moves it allows.
      if (error instanceof ApiError && error.status === 409) {
        setStatus("");
        void client.invalidateQueries({ queryKey: ORDERS_KEY });
      }
    },
  });

  if (order.deletedAt !== null) {
    return <Notice kind="info">Pedido excluído: o status não pode mais ser alterado.</Notice>;
  }
  type Target = Transitions["allowed"][number];
  const needsPayment = (a: Target | undefined) => a?.needs?.includes("payment") ?? false;
  /**
   * A status this form cannot set: why (blocked), or the form that sets it (Despachado: Enviar).
   * One that lacks only what Confirmar pagamento gives stays a choice: the form offers it inline.
   */
  const unavailable = (a: Target): string | null => {
    if (a.form === "shipment")
      return a.blocked ?? "registre o envio no formulário Enviar (Faturamento e envio)";
    if (needsPayment(a)) return null;
    return a.blocked ?? null;
  };
  /** Choosing a status starts Notificar cliente at that status's default (the store's templates). */
  const choose = (next: string) => {
    setStatus(next);
    const chosen = transitions.data?.allowed.find((a) => a.status === next);
    if (chosen?.notifyByDefault !== undefined) setNotify(Boolean(email) && chosen.notifyByDefault);
  };
  if (transitions.isPending) return <Loading label="Carregando status possíveis…" />;
  if (transitions.isError) return <Notice kind="error">{describeError(transitions.error)}</Notice>;
  const allowed = transitions.data.allowed;
  // The chosen status as the order allows it now (it changes once the payment is confirmed).
  const chosen = allowed.find((a) => a.status === status);
  const stillBlocked = chosen && !needsPayment(chosen) ? (chosen.blocked ?? null) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!status) {
      setMissingStatus(true);
      return;
    }
    setMissingStatus(false);
    if (!chosen || needsPayment(chosen) || stillBlocked) return;
    if (status === FINAL_STATUS) confirmFinal.current?.showModal();
    else mutation.mutate(chosen.status);
  };

  return (
    <form className="card status-form" onSubmit={submit} aria-labelledby="alterar-status" noValidate>
      <h3 id="alterar-status">Alterar status</h3>
      <p className="small muted">
        Status atual: <strong>{canonicalLabel(transitions.data.current)}</strong>
      </p>
      {mutation.isError ? <Notice kind="error">{describeError(mutation.error)}</Notice> : null}
      {allowed.length === 0 ? (
        <Notice kind="info">
          Não há mudança de status possível a partir de {canonicalLabel(transitions.data.current)}.
        </Notice>
      ) : (
        <>
          <Field label="Novo status" error={missingStatus ? "Escolha o novo status." : undefined}>
            {(p) => (
              <select {...p} value={chosen ? status : ""} onChange={(e) => choose(e.target.value)} required>
                <option value="">Escolha…</option>
                {allowed.map((a) => (
                  <option key={a.status} value={a.status} disabled={unavailable(a) !== null}>
                    {a.label || canonicalLabel(a.status)}
                    {unavailable(a) ? ` — ${unavailable(a)}` : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {allowed.some((a) => unavailable(a) !== null) ? (
            <ul className="small muted blocked-list" aria-label="Status que pedem outro caminho">
              {allowed
                .filter((a) => unavailable(a) !== null)
                .map((a) => (
                  <li key={a.status}>
                    <strong>{a.label || canonicalLabel(a.status)}:</strong> {unavailable(a)}
                    {a.form === "shipment" && !a.blocked ? (
                      <>
                        {" "}
                        <button type="button" className="link-button" onClick={goToShipmentForm}>
                          Ir para o formulário Enviar
                        </button>
                      </>
                    ) : null}
                  </li>
                ))}
            </ul>
          ) : null}
          {chosen && needsPayment(chosen) ? (
            <InlinePaymentConfirm
              orderId={order.id}
              target={chosen.status}
              notify={
                chosen.status === "pagamento_confirmado"
                  ? { notifyCustomer: notify, ...(message.trim() ? { message: message.trim() } : {}) }
                  : undefined
              }
            />
          ) : null}
          {stillBlocked ? <Notice kind="warning">{stillBlocked}</Notice> : null}
          <fieldset className="radio-group">
            <legend>Notificar cliente</legend>
            <label>
              <input type="radio" name={notifyName} checked={notify} onChange={() => setNotify(true)} /> Sim
            </label>
            <label>
              <input type="radio" name={notifyName} checked={!notify} onChange={() => setNotify(false)} /> Não
            </label>
            <small className="hint">
              {email
                ? `Com Sim, o cliente recebe um e-mail em ${email} com o texto padrão do novo status.`
                : "O pedido não tem e-mail do cliente: a notificação não poderá ser enviada."}
            </small>
          </fieldset>
          <Field
            label="Mensagem ao cliente (opcional)"
            hint={`Substitui o texto padrão do e-mail e fica no histórico. ${message.length}/${MESSAGE_MAX} caracteres.`}
          >
            {(p) => (
              <textarea
                {...p}
                rows={4}
                maxLength={MESSAGE_MAX}
                value={message}
                onChange={(e) => setMessage(e.target.value)}
              />
            )}
          </Field>
          <div className="actions actions-start">
            <Button
              type="submit"
              variant="primary"
              pending={mutation.isPending}
              disabled={needsPayment(chosen) || stillBlocked !== null}
            >
              Salvar status
            </Button>
          </div>
          <ConfirmDialog
            dialogRef={confirmFinal}
            title={`Cancelar o pedido Nº ${order.number}?`}
            message={
              <>
                <p>Um pedido cancelado não muda mais de status.</p>
                <ActionEffects
                  effects={allowed.find((a) => a.status === FINAL_STATUS)?.storeEffects ?? []}
                  notify={notify}
                  hasEmail={Boolean(email)}
                  emailsBy={transitions.data.customerEmailsBy}
                  onNotify={setNotify}
                />
              </>
            }
            confirmLabel="Cancelar o pedido"
            dismissLabel="Voltar"
            onConfirm={() => mutation.mutate(FINAL_STATUS)}
          />
        </>
      )}
    </form>
  );
}
