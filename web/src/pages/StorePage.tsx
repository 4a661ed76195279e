// Lojas › one store: its state at a glance, and tabs for its settings and tables — Geral,
// Status, Pagamento, Envio, Campos do cliente, E-mails (who e-mails the customer, the templates),
// Envio à loja (where status pushes go). A tab with unsaved changes asks before the
// operator leaves it (another tab, another screen, or closing the page).
import { useCallback, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { type TabItem, Tabs } from "../components/Tabs.tsx";
import { Button, Loading, Notice, PageHeader } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { Can, useCan } from "../permissions.tsx";
import { usePlatformLabel } from "../platforms.ts";
import { CustomerEmailsForm, PushChannelForm } from "../store-settings/ChannelForms.tsx";
import { CustomerDefaultsTab } from "../store-settings/CustomerDefaultsTab.tsx";
import {
  CONNECTION_HINTS,
  ConnectionBadge,
  HealthBadge,
  IMPORT_OFF_ACTION,
  IMPORT_OFF_TEXT,
  ImportBadge,
} from "../store-settings/connection.tsx";
import { EmailTemplatesTab } from "../store-settings/EmailTemplatesTab.tsx";
import { GeneralTab } from "../store-settings/GeneralTab.tsx";
import { MapTableTab, PAYMENT_SPEC, SHIPPING_SPEC } from "../store-settings/MapTableTab.tsx";
import { StatusMapTab } from "../store-settings/StatusMapTab.tsx";
import { useImportNow, useStore } from "../store-settings/store-api.ts";
import { LEAVE_QUESTION, useUnsavedGuard } from "../store-settings/unsaved-guard.ts";

type TabKey = "geral" | "status" | "pagamento" | "envio" | "cliente" | "emails" | "envio-loja";

const TABS: TabItem<TabKey>[] = [
  { key: "geral", label: "Geral" },
  { key: "status", label: "Status" },
  { key: "pagamento", label: "Pagamento" },
  { key: "envio", label: "Envio" },
  { key: "cliente", label: "Campos do cliente" },
  { key: "emails", label: "E-mails" },
  { key: "envio-loja", label: "Envio à loja" },
];

export function StorePage() {
  const params = useParams();
  const platformLabel = usePlatformLabel();
  const id = Number(params.id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const store = useStore(valid ? id : 0);
  const [search, setSearch] = useSearchParams();
  const requested = search.get("aba") as TabKey | null;
  const tab: TabKey = TABS.some((t) => t.key === requested) ? (requested as TabKey) : "geral";
  const [dirty, setDirty] = useState(false);
  const importNow = useImportNow();
  const canConfigure = useCan("configure");
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  useUnsavedGuard(dirty);

  const select = (next: TabKey) => {
    if (next === tab) return;
    if (dirty && !window.confirm(LEAVE_QUESTION)) return;
    setDirty(false);
    setSearch(next === "geral" ? {} : { aba: next }, { replace: true });
  };

  if (!valid) return <Notice kind="error">Endereço de loja inválido.</Notice>;
  if (store.isPending) return <Loading label="Carregando a loja…" />;
  if (store.isError) {
    return (
      <>
        <PageHeader title="Loja" />
        <Notice kind="error">{describeError(store.error)}</Notice>
        <p>
          <Link to="/lojas">Voltar para a lista de lojas</Link>
        </p>
      </>
    );
  }
  const s = store.data;
  return (
    <>
      <p className="breadcrumb small">
        <Link to="/lojas">Lojas</Link> <span aria-hidden="true">›</span> {s.name}
      </p>
      {search.get("instalada") ? (
        <Notice kind="success">
          Loja conectada pela {platformLabel(s.platform)}. Os pedidos chegam na próxima importação e pelos
          webhooks.
        </Notice>
      ) : null}
      <PageHeader title={s.name}>
        <Can permission="operate">
          <Button
            pending={importNow.isPending}
            disabled={!s.importEnabled}
            title={s.importEnabled ? undefined : IMPORT_OFF_ACTION}
            onClick={() => importNow.mutate(s)}
          >
            Importar agora
          </Button>
        </Can>
        <Link className="btn btn-secondary" to={`/integracao?loja=${s.id}`}>
          Ver na Integração
        </Link>
        <Link className="btn btn-secondary" to={`/falhas?loja=${s.id}`}>
          Ver falhas
        </Link>
      </PageHeader>
      <div className="store-summary card">
        <div className="badges">
          {s.health ? (
            <HealthBadge health={s.health} />
          ) : (
            <ConnectionBadge state={s.connectionState} message={s.connectionMessage} />
          )}
          <ImportBadge enabled={s.importEnabled} />
        </div>
        <dl className="facts">
          <dt>Plataforma</dt>
          <dd>{platformLabel(s.platform)}</dd>
          <dt>ID da loja na plataforma</dt>
          <dd>{s.externalId}</dd>
          <dt>Última importação</dt>
          <dd>{formatDateTime(s.lastImportAt)}</dd>
          <dt>Último webhook</dt>
          <dd>{formatDateTime(s.lastWebhookAt)}</dd>
          <dt>Importação agendada</dt>
          <dd>{s.importEnabled ? `a cada ${s.importIntervalMinutes} min` : "desligada"}</dd>
        </dl>
        {s.health && s.health.level !== "ok" ? (
          <Notice kind="warning">{s.health.message}</Notice>
        ) : !s.health && s.connectionState !== "ok" ? (
          <Notice kind="warning">{s.connectionMessage ?? CONNECTION_HINTS[s.connectionState]}</Notice>
        ) : null}
        {s.importEnabled ? null : <Notice kind="warning">{IMPORT_OFF_TEXT}</Notice>}
      </div>
      {canConfigure ? null : (
        <Notice kind="info">
          Só um administrador altera as configurações da loja: aqui você as consulta.
        </Notice>
      )}
      <Tabs label="Configurações da loja" tabs={TABS} selected={tab} onSelect={select}>
        <fieldset className="plain-fieldset" disabled={!canConfigure}>
          {tab === "geral" ? <GeneralTab key={s.id} store={s} onDirtyChange={onDirtyChange} /> : null}
          {tab === "status" ? (
            <StatusMapTab key={s.id} storeId={s.id} platform={s.platform} onDirtyChange={onDirtyChange} />
          ) : null}
          {tab === "pagamento" ? (
            <MapTableTab storeId={s.id} spec={PAYMENT_SPEC} key={s.id} onDirtyChange={onDirtyChange} />
          ) : null}
          {tab === "envio" ? (
            <MapTableTab storeId={s.id} spec={SHIPPING_SPEC} key={s.id} onDirtyChange={onDirtyChange} />
          ) : null}
          {tab === "emails" ? (
            <>
              <CustomerEmailsForm key={`quem-${s.id}`} store={s} />
              <EmailTemplatesTab key={s.id} storeId={s.id} onDirtyChange={onDirtyChange} />
            </>
          ) : null}
          {tab === "envio-loja" ? <PushChannelForm key={s.id} store={s} /> : null}
          {tab === "cliente" ? (
            <CustomerDefaultsTab key={s.id} storeId={s.id} onDirtyChange={onDirtyChange} />
          ) : null}
        </fieldset>
      </Tabs>
    </>
  );
}
