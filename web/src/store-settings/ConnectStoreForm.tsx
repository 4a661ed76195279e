// "Conectar loja": install Ponte's app on the store by clicking (InstallOption.tsx: the platform's
// OAuth, or a key handover from the store's site), or connect with the store id and the
// credentials of a private app. The fields are the platform's (GET /api/v1/platforms).
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, api } from "../api.ts";
import { Button, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { fieldProblem, type Platform, usePlatforms } from "../platforms.ts";
import type { Store } from "../stores.ts";
import { ApiAddressField } from "./ApiAddressField.tsx";
import { InstallOption } from "./InstallOption.tsx";
import { apiBaseDraftProblem, apiBaseProblem, useRefreshStores } from "./store-api.ts";

interface ConnectDraft {
  name: string;
  externalId: string;
  credentials: Record<string, string>;
  apiBaseUrl: string;
}

/** Problems by field: name, externalId, apiBaseUrl, or `credentials.<field>`. */
type Problems = Partial<Record<string, string>>;

function check(platform: Platform, d: ConnectDraft): Problems {
  const p: Problems = {};
  if (!d.name.trim()) p.name = "Informe um nome para reconhecer a loja no painel.";
  else if (d.name.trim().length > 120) p.name = "O nome pode ter no máximo 120 caracteres.";
  if (fieldProblem(platform.storeId.schema, d.externalId)) p.externalId = platform.storeId.hint;
  for (const [name, field] of Object.entries(platform.credentials.properties)) {
    const problem = fieldProblem(field, d.credentials[name] ?? "");
    if (problem) p[`credentials.${name}`] = problem;
  }
  const apiBase = apiBaseDraftProblem(d.apiBaseUrl);
  if (apiBase) p.apiBaseUrl = apiBase;
  return p;
}

function apiProblems(platform: Platform, error: unknown): Problems {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details.fields)) return {};
  const p: Problems = {};
  for (const f of error.details.fields as { path?: string }[]) {
    const field = (f.path ?? "").replace(/^\//, "");
    if (field === "name") p.name = "Nome inválido (de 1 a 120 caracteres).";
    if (field === "externalId") p.externalId = platform.storeId.hint;
    if (field.startsWith("credentials/")) {
      const name = field.slice("credentials/".length);
      p[`credentials.${name}`] = `${platform.credentials.properties[name]?.title ?? name} inválido.`;
    }
    if (field === "apiBaseUrl") p.apiBaseUrl = apiBaseProblem(error);
  }
  return p;
}

/** A store Ponte already has (409 store_exists): its page, where its token is changed. */
function existingStoreId(error: unknown): number | null {
  return error instanceof ApiError &&
    error.details.reasonCode === "store_exists" &&
    typeof error.details.storeId === "number"
    ? error.details.storeId
    : null;
}

export function ConnectStoreForm({ id, onDone }: { id?: string; onDone?: () => void }) {
  const platforms = usePlatforms();
  const headingId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = platforms.data ?? [];
  const platform = list.find((p) => p.id === chosen) ?? list[0];
  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {list.length === 1 && platform ? `Conectar uma loja ${platform.label}` : "Conectar uma loja"}
      </h2>
      {platforms.isError ? <Notice kind="error">{describeError(platforms.error)}</Notice> : null}
      {!platform ? (
        platforms.isPending ? (
          <Loading label="Carregando as plataformas…" />
        ) : null
      ) : (
        <>
          {list.length > 1 ? (
            <Field label="Plataforma">
              {(props) => (
                <select {...props} value={platform.id} onChange={(e) => setChosen(e.target.value)}>
                  {list.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <PlatformConnect key={platform.id} platform={platform} onDone={onDone} />
        </>
      )}
    </section>
  );
}

function PlatformConnect({ platform, onDone }: { platform: Platform; onDone?: () => void }) {
  const toast = useToast();
  const navigate = useNavigate();
  const refresh = useRefreshStores();
  const [draft, setDraft] = useState<ConnectDraft>({
    name: "",
    externalId: "",
    credentials: {},
    apiBaseUrl: "",
  });
  const [shown, setShown] = useState<Problems>({});
  const connect = useMutation({
    mutationFn: (d: ConnectDraft) =>
      api<Store>("/api/v1/stores", {
        method: "POST",
        body: {
          platform: platform.id,
          name: d.name.trim(),
          externalId: d.externalId.trim(),
          credentials: Object.fromEntries(Object.entries(d.credentials).map(([k, v]) => [k, v.trim()])),
          ...(d.apiBaseUrl.trim() ? { apiBaseUrl: d.apiBaseUrl.trim() } : {}),
        },
      }),
    onSuccess: (store) => {
      refresh(store);
      toast("success", `Loja ${store.name} conectada. Teste a conexão para confirmar o acesso.`);
      onDone?.();
      navigate(`/lojas/${store.id}`);
    },
    onError: (error) => setShown(apiProblems(platform, error)),
  });
  const set = (patch: Partial<ConnectDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check(platform, draft);
    setShown(problems);
    if (Object.keys(problems).length === 0) connect.mutate(draft);
  };
  const idField = platform.storeId.schema;

  return (
    <div className={platform.installSettings.length > 0 ? "grid-2 connect-options" : undefined}>
      {platform.installSettings.length > 0 ? <InstallOption platform={platform} /> : null}
      <form onSubmit={submit} noValidate aria-label="Conectar com ID da loja e token">
        <h3>Com o ID da loja e as credenciais de acesso</h3>
        <Field label="Nome da loja" hint="Como a loja aparece no painel." error={shown.name}>
          {(props) => (
            <input
              {...props}
              value={draft.name}
              maxLength={120}
              autoComplete="off"
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
        </Field>
        <Field label={idField.title} hint={idField.description} error={shown.externalId}>
          {(props) => (
            <input
              {...props}
              value={draft.externalId}
              autoComplete="off"
              onChange={(e) => set({ externalId: e.target.value })}
            />
          )}
        </Field>
        {Object.entries(platform.credentials.properties).map(([name, field]) => (
          <Field key={name} label={field.title} hint={field.description} error={shown[`credentials.${name}`]}>
            {(props) => (
              <input
                {...props}
                type={field.writeOnly ? "password" : "text"}
                autoComplete="off"
                value={draft.credentials[name] ?? ""}
                onChange={(e) => set({ credentials: { ...draft.credentials, [name]: e.target.value } })}
              />
            )}
          </Field>
        ))}
        <ApiAddressField
          label="Endereço da API (opcional)"
          hint={`Deixe vazio para usar a API da ${platform.label}. Outro endereço só é aceito se o servidor permitir (simulador e testes).`}
          error={shown.apiBaseUrl}
          value={draft.apiBaseUrl}
          onChange={(apiBaseUrl) => set({ apiBaseUrl })}
        />
        {connect.isError ? (
          <Notice kind="error">
            {describeError(connect.error)}
            {existingStoreId(connect.error) !== null ? (
              <>
                {" "}
                <Link to={`/lojas/${existingStoreId(connect.error)}`}>Abrir a loja</Link>
              </>
            ) : null}
          </Notice>
        ) : null}
        <Button type="submit" variant="primary" pending={connect.isPending}>
          Conectar loja
        </Button>
      </form>
    </div>
  );
}
