// Envio e entrega (R7, docs/REQUIREMENTS.md#seed-003): ship with tracking, print the label, mark
// delivered. The form follows how the order ships: the carrier the shipping DE-PARA gave it, or —
// for Retirada na loja — "Pronto para retirada" and "Retirado", with no tracking nor label.
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { Button, Notice, useToast } from "../components/ui.tsx";
import { formatDateTime } from "../format.ts";
import { useSender } from "../settings/sender-api.ts";
import { ActionEffects, type EmailsBy } from "./ActionEffects.tsx";
import {
  createShipment,
  labelUrl,
  type ShipmentInput,
  useOrderAction,
  useShipments,
} from "./back-office-api.ts";
import { DeliverButton } from "./DeliverButton.tsx";
import {
  ErrorNotice,
  FormErrorNotice,
  fieldError,
  Step,
  SubmitButton,
  TextField,
  useFailureToast,
} from "./fulfilment-ui.tsx";
import { canonicalLabel } from "./labels.ts";
import { type OrderDetail, useTransitions } from "./orders-api.ts";

export function ShipmentCard({ order, live }: { order: OrderDetail; live: boolean }) {
  const shipments = useShipments(order.id);
  const transitions = useTransitions(order.id, live);
  const allowed = transitions.data?.allowed ?? [];
  const ship = allowed.find((a) => a.status === "despachado");
  const deliver = allowed.find((a) => a.status === "entregue");
  const items = shipments.data?.items ?? [];
  const delivered = items.find((s) => s.deliveredAt);
  return (
    <Step title="Envio e entrega" done={Boolean(delivered) || order.canonicalStatus === "entregue"}>
      <ErrorNotice state={shipments} />
      {items.map((s) => (
        <dl className="facts" key={s.id}>
          <dt>Transportadora</dt>
          <dd>{s.carrier}</dd>
          <dt>Rastreio</dt>
          <dd className="break">
            {s.trackingCode ?? "—"}
            {s.trackingUrl ? (
              <>
                {" · "}
                <a href={s.trackingUrl} target="_blank" rel="noopener noreferrer">
                  Acompanhar
                </a>
              </>
            ) : null}
          </dd>
          <dt>Enviado em</dt>
          <dd>{formatDateTime(s.shippedAt)}</dd>
          <dt>Entregue em</dt>
          <dd>{s.deliveredAt ? formatDateTime(s.deliveredAt) : "—"}</dd>
        </dl>
      ))}
      {order.deliveryAddress && !order.pickup ? (
        <p>
          <a className="btn btn-secondary" href={labelUrl(order.id)} target="_blank" rel="noopener">
            Imprimir etiqueta
          </a>{" "}
          <NoSenderHint />
        </p>
      ) : null}
      {live && ship && order.pickup ? <ReadyForPickup order={order} blocked={ship.blocked ?? null} /> : null}
      {live && ship && !order.pickup ? (
        <ShipmentForm
          order={order}
          blocked={ship.blocked ?? null}
          notifyByDefault={ship.notifyByDefault}
          effects={ship.storeEffects}
          emailsBy={transitions.data?.customerEmailsBy ?? null}
        />
      ) : null}
      {live && deliver ? (
        <DeliverButton
          order={order}
          blocked={deliver.blocked ?? null}
          notify={deliver.notifyByDefault}
          effects={deliver.storeEffects}
          emailsBy={transitions.data?.customerEmailsBy ?? null}
        />
      ) : null}
    </Step>
  );
}

/** The label's sender is the organization's address: until it is set, say where to set it. */
function NoSenderHint() {
  const sender = useSender();
  if (!sender.isSuccess || sender.data.sender !== null) return null;
  return (
    <span className="muted small">
      Sem remetente cadastrado: a etiqueta sai só com o nome da loja.{" "}
      <Link to="/configuracoes">Cadastrar em Configurações</Link>
    </span>
  );
}

const SHIPMENT_FIELDS = ["carrier", "trackingCode", "trackingUrl"];

/** The carrier a store pickup's "shipment" is recorded with. */
const PICKUP_CARRIER = "Retirada na loja";

/** Retirada na loja: the order is ready at the store (Despachado, without tracking nor label). */
function ReadyForPickup({ order, blocked }: { order: OrderDetail; blocked: string | null }) {
  const toast = useToast();
  const failed = useFailureToast();
  const action = useOrderAction(() => createShipment(order.id, { carrier: PICKUP_CARRIER }));
  return (
    <div className="pickup">
      <p className="small">Retirada na loja: sem transportadora, rastreio nem etiqueta.</p>
      {blocked ? <Notice kind="info">{blocked}</Notice> : null}
      <ErrorNotice state={action} />
      <Button
        pending={action.isPending}
        disabled={Boolean(blocked)}
        onClick={() =>
          action.mutate(undefined, {
            onSuccess: () => toast("success", "Pedido pronto para retirada na loja."),
            onError: failed("Não foi possível marcar como pronto para retirada"),
          })
        }
      >
        Pronto para retirada
      </Button>
    </div>
  );
}

type ShipmentDraft = Required<Pick<ShipmentInput, "carrier" | "trackingCode" | "trackingUrl">>;

function ShipmentForm({
  order,
  blocked,
  notifyByDefault,
  effects,
  emailsBy,
}: {
  order: OrderDetail;
  blocked: string | null;
  notifyByDefault: boolean;
  effects: readonly string[];
  emailsBy: EmailsBy;
}) {
  const toast = useToast();
  const failed = useFailureToast();
  const email = order.customer?.email ?? order.customerSnapshot?.email ?? null;
  // Notificar cliente starts at Despachado's default (the store's e-mail templates).
  const [notify, setNotify] = useState((Boolean(email) || emailsBy === "platform") && notifyByDefault);
  const [draft, setDraft] = useState<ShipmentDraft>({
    // The carrier the store's shipping DE-PARA gave the order.
    carrier: order.carrier ?? "Correios",
    trackingCode: "",
    trackingUrl: "",
  });
  const action = useOrderAction((body: ShipmentInput) => createShipment(order.id, body));
  const err = (field: string) => fieldError(action.error, field);
  const set = (patch: Partial<ShipmentDraft>) => setDraft({ ...draft, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: ShipmentInput = { carrier: draft.carrier.trim(), notifyCustomer: notify };
    if (draft.trackingCode.trim()) body.trackingCode = draft.trackingCode.trim();
    if (draft.trackingUrl.trim()) body.trackingUrl = draft.trackingUrl.trim();
    action.mutate(body, {
      onSuccess: (result) => {
        toast(
          "success",
          `Envio registrado (${result.shipment.carrier}${result.shipment.trackingCode ? ` ${result.shipment.trackingCode}` : ""}): pedido ${canonicalLabel("despachado")}.`,
        );
      },
      onError: failed("Envio não registrado"),
    });
  };
  return (
    <form id="form-envio" onSubmit={submit} aria-label="Enviar" noValidate>
      {blocked ? <Notice kind="info">{blocked}</Notice> : null}
      <FormErrorNotice error={action.error} fields={SHIPMENT_FIELDS} />
      <TextField
        label="Transportadora"
        error={err("carrier")}
        list="transportadoras"
        maxLength={100}
        value={draft.carrier}
        onChange={(carrier) => set({ carrier })}
      />
      <datalist id="transportadoras">
        <option value="Correios" />
        <option value="Jadlog" />
        <option value="Loggi" />
        <option value="Total Express" />
      </datalist>
      <div className="grid-2">
        <TextField
          label="Código de rastreio"
          hint="Correios: ex. JT194690698BR"
          error={err("trackingCode")}
          autoComplete="off"
          maxLength={100}
          value={draft.trackingCode}
          onChange={(trackingCode) => set({ trackingCode })}
        />
        <TextField
          label="Link de rastreio (opcional)"
          error={err("trackingUrl")}
          type="url"
          maxLength={2000}
          placeholder="https://"
          value={draft.trackingUrl}
          onChange={(trackingUrl) => set({ trackingUrl })}
        />
      </div>
      <ActionEffects
        effects={effects}
        notify={notify}
        hasEmail={Boolean(email)}
        emailsBy={emailsBy}
        onNotify={setNotify}
      />
      <SubmitButton pending={action.isPending} disabled={Boolean(blocked)}>
        Enviar
      </SubmitButton>
    </form>
  );
}
