// Lojas › Geral: the store's name, import on/off and interval (R1.1, R1.2), the unknown-SKU
// and negative-stock policies, the API address; Testar conexão and the store's webhooks; a new access token when the
// old one is refused (or to connect a disconnected store again); Desconectar loja.
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { ApiError, api } from "../api.ts";
import { Field, useToast } from "../components/ui.tsx";
import type { Store } from "../stores.ts";
import { ApiAddressField } from "./ApiAddressField.tsx";
import { ConnectionTestCard } from "./ConnectionTestCard.tsx";
import { DisconnectCard } from "./DisconnectCard.tsx";
import { NegativeStockField } from "./NegativeStockField.tsx";
import { ReconnectForm } from "./ReconnectForm.tsx";
import { SaveBar } from "./SaveBar.tsx";
import { apiBaseDraftProblem, apiBaseProblem, useRefreshStores } from "./store-api.ts";
import { WebhooksCard } from "./WebhooksCard.tsx";

interface GeneralDraft {
  name: string;
  importEnabled: boolean;
  importIntervalMinutes: string;
  unknownSkuPolicy: Store["unknownSkuPolicy"];
  negativeStockPolicy: Store["negativeStockPolicy"];
  apiBaseUrl: string;
  /** Ignorar após N dias; empty: older orders stay on the attention list. */
  ignoreAfterDays: string;
}

const fromStore = (s: Store): GeneralDraft => ({
  name: s.name,
  importEnabled: s.importEnabled,
  importIntervalMinutes: String(s.importIntervalMinutes),
  unknownSkuPolicy: s.unknownSkuPolicy,
  negativeStockPolicy: s.negativeStockPolicy,
  apiBaseUrl: s.apiBaseUrl,
  ignoreAfterDays: s.attentionIgnoreAfterDays === null ? "" : String(s.attentionIgnoreAfterDays),
});

type Problems = Partial<Record<keyof GeneralDraft, string>>;

/** The checks the API makes, in pt-BR and before the request, so the operator sees them at once. */
function check(d: GeneralDraft): Problems {
  const p: Problems = {};
  if (!d.name.trim()) p.name = "Informe o nome da loja.";
  else if (d.name.trim().length > 120) p.name = "O nome pode ter no máximo 120 caracteres.";
  const minutes = Number(d.importIntervalMinutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    p.importIntervalMinutes = "Informe um número inteiro de minutos, de 1 a 1440 (24 horas).";
  }
  const days = Number(d.ignoreAfterDays);
  if (d.ignoreAfterDays.trim() && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    p.ignoreAfterDays = "Informe um número inteiro de dias, de 1 a 3650, ou deixe vazio.";
  }
  const apiBase = apiBaseDraftProblem(d.apiBaseUrl);
  if (apiBase) p.apiBaseUrl = apiBase;
  return p;
}

/** The API's schema errors name fields by JSON pointer (`/importIntervalMinutes`). */
function apiProblems(error: unknown): Problems {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details.fields)) return {};
  const p: Problems = {};
  for (const f of error.details.fields as { path?: string }[]) {
    const field = (f.path ?? "").replace(/^\//, "") as keyof GeneralDraft;
    if (field === "importIntervalMinutes")
      p.importIntervalMinutes = "O intervalo deve ser de 1 a 1440 minutos.";
    else if (field === "name") p.name = "Nome inválido (de 1 a 120 caracteres).";
    else if (field === "apiBaseUrl") p.apiBaseUrl = apiBaseProblem(error);
  }
  return p;
}

export function GeneralTab({
  store,
  onDirtyChange,
}: {
  store: Store;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const toast = useToast();
  const refresh = useRefreshStores();
  const [edited, setEdited] = useState<GeneralDraft | null>(null);
  const [shown, setShown] = useState<Problems>({});
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const draft = edited ?? fromStore(store);
  const dirty = edited !== null && JSON.stringify(edited) !== JSON.stringify(fromStore(store));
  const importId = useId();

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const save = useMutation({
    mutationFn: (d: GeneralDraft) => {
      const before = fromStore(store);
      const body: Record<string, unknown> = {};
      if (d.name.trim() !== before.name) body.name = d.name.trim();
      if (d.importEnabled !== before.importEnabled) body.importEnabled = d.importEnabled;
      if (d.importIntervalMinutes !== before.importIntervalMinutes) {
        body.importIntervalMinutes = Number(d.importIntervalMinutes);
      }
      if (d.unknownSkuPolicy !== before.unknownSkuPolicy) body.unknownSkuPolicy = d.unknownSkuPolicy;
      if (d.negativeStockPolicy !== before.negativeStockPolicy)
        body.negativeStockPolicy = d.negativeStockPolicy;
      if (d.ignoreAfterDays.trim() !== before.ignoreAfterDays) {
        body.attentionIgnoreAfterDays = d.ignoreAfterDays.trim() ? Number(d.ignoreAfterDays) : null;
      }
      // Empty: back to the platform's own API.
      if (d.apiBaseUrl.trim() !== before.apiBaseUrl) body.apiBaseUrl = d.apiBaseUrl.trim() || null;
      return api<Store>(`/api/v1/stores/${store.id}`, { method: "PATCH", body });
    },
    onSuccess: (updated) => {
      refresh(updated);
      setEdited(null);
      setSavedAt(Date.now());
      toast("success", "Configurações da loja salvas.");
    },
    onError: (error) => setShown(apiProblems(error)),
  });

  const set = (patch: Partial<GeneralDraft>) => setEdited({ ...draft, ...patch });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check(draft);
    setShown(problems);
    if (Object.keys(problems).length === 0) save.mutate(draft);
  };

  return (
    <>
      <form onSubmit={submit} noValidate aria-label="Configurações da loja">
        <section className="card">
          <h2>Configurações</h2>
          <div className="grid-2">
            <Field label="Nome da loja" error={shown.name}>
              {(props) => (
                <input
                  {...props}
                  value={draft.name}
                  maxLength={120}
                  onChange={(e) => set({ name: e.target.value })}
                />
              )}
            </Field>
            <WholeNumberField
              label="Intervalo da importação (minutos)"
              hint="De 1 a 1440. A importação agendada busca os pedidos que os webhooks não trouxeram."
              error={shown.importIntervalMinutes}
              max={1440}
              value={draft.importIntervalMinutes}
              onChange={(importIntervalMinutes) => set({ importIntervalMinutes })}
            />
          </div>
          <div className="check-field">
            <input
              id={importId}
              type="checkbox"
              className="check"
              checked={draft.importEnabled}
              aria-describedby={`${importId}-hint`}
              onChange={(e) => set({ importEnabled: e.target.checked })}
            />
            <label htmlFor={importId}>Importar pedidos desta loja</label>
            <small id={`${importId}-hint`} className="hint">
              Liga todo o processo da loja: importação, webhooks, atualização de status e envios à loja.
              Desligado, os webhooks continuam guardados, mas nada é sincronizado nem enviado; ao ligar de
              novo, tudo o que ficou esperando é processado.
            </small>
          </div>
          <fieldset className="radio-group">
            <legend>Produto com SKU que não existe no ERP</legend>
            <label>
              <input
                type="radio"
                name="unknownSkuPolicy"
                value="create"
                checked={draft.unknownSkuPolicy === "create"}
                onChange={() => set({ unknownSkuPolicy: "create" })}
              />
              Cadastrar o produto automaticamente (marcado “criado pela integração”, estoque não contado)
            </label>
            <label>
              <input
                type="radio"
                name="unknownSkuPolicy"
                value="hold"
                checked={draft.unknownSkuPolicy === "hold"}
                onChange={() => set({ unknownSkuPolicy: "hold" })}
              />
              Reter o pedido na Integração até o produto ser cadastrado
            </label>
          </fieldset>
          <NegativeStockField
            value={draft.negativeStockPolicy}
            onChange={(v) => set({ negativeStockPolicy: v })}
          />
          <WholeNumberField
            label="Ignorar na Integração após (dias)"
            hint="Pedidos mais antigos que isso saem da lista de atenção e da contagem da Visão geral (pedidos com erro nunca saem sozinhos). Vazio: ficam até alguém usar Ignorar."
            error={shown.ignoreAfterDays}
            max={3650}
            value={draft.ignoreAfterDays}
            onChange={(ignoreAfterDays) => set({ ignoreAfterDays })}
          />
          <ApiAddressField
            label="Endereço da API da plataforma"
            hint="Vazio: a API da plataforma, o único endereço para onde o token da loja vai. Outro endereço só é aceito se o servidor permitir (PONTE_ALLOW_API_OVERRIDE, para simulador e testes)."
            error={shown.apiBaseUrl}
            value={draft.apiBaseUrl}
            onChange={(apiBaseUrl) => set({ apiBaseUrl })}
          />
        </section>
        <SaveBar
          dirty={dirty}
          pending={save.isPending}
          error={save.error}
          general={[]}
          savedAt={savedAt}
          onDiscard={() => {
            setEdited(null);
            setShown({});
            save.reset();
          }}
        />
      </form>
      <ConnectionTestCard store={store} />
      <WebhooksCard store={store} />
      <ReconnectForm store={store} />
      <DisconnectCard store={store} />
    </>
  );
}

/** A whole number from 1 to `max`, typed in a number field. */
function WholeNumberField(props: {
  label: string;
  hint: string;
  error: string | undefined;
  max: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(field) => (
        <input
          {...field}
          type="number"
          inputMode="numeric"
          min={1}
          max={props.max}
          step={1}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
