// "Conectar loja": install Ponte's Nuvemshop app through OAuth (when the server has the app's
// client id and secret), or connect with the store id and an access token of a private app.
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, api } from "../api.ts";
import { Button, Field, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import type { Store } from "../stores.ts";
import { apiBaseProblem, useRefreshStores } from "./store-api.ts";

const INSTALL_PATH = "/api/v1/platforms/nuvemshop/install";

interface ConnectDraft {
  name: string;
  externalId: string;
  accessToken: string;
  apiBaseUrl: string;
}

type Problems = Partial<Record<keyof ConnectDraft, string>>;

function check(d: ConnectDraft): Problems {
  const p: Problems = {};
  if (!d.name.trim()) p.name = "Informe um nome para reconhecer a loja no painel.";
  else if (d.name.trim().length > 120) p.name = "O nome pode ter no máximo 120 caracteres.";
  if (!/^[0-9]{1,20}$/.test(d.externalId.trim())) {
    p.externalId =
      "O ID da loja na Nuvemshop tem só números (aparece no painel da Nuvemshop e na URL da API).";
  }
  if (d.accessToken.trim().length < 8)
    p.accessToken = "Cole o token de acesso completo (pelo menos 8 caracteres).";
  if (d.apiBaseUrl.trim() && !/^https?:\/\/\S+$/.test(d.apiBaseUrl.trim())) {
    p.apiBaseUrl = "Informe um endereço que comece com https://, ou deixe vazio.";
  }
  return p;
}

function apiProblems(error: unknown): Problems {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details.fields)) return {};
  const p: Problems = {};
  for (const f of error.details.fields as { path?: string }[]) {
    const field = (f.path ?? "").replace(/^\//, "");
    if (field === "name") p.name = "Nome inválido (de 1 a 120 caracteres).";
    if (field === "externalId") p.externalId = "ID da loja inválido: só números.";
    if (field === "accessToken") p.accessToken = "Token de acesso inválido.";
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

/** Asks the server whether the install can start (it redirects) before sending the browser there. */
async function startInstall(): Promise<void> {
  let response: Response;
  try {
    response = await fetch(INSTALL_PATH, { redirect: "manual", credentials: "same-origin" });
  } catch (error) {
    throw new ApiError(0, "network_error", String(error), {});
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    window.location.assign(INSTALL_PATH);
    return;
  }
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  throw new ApiError(
    response.status,
    body.error?.code ?? `http_${response.status}`,
    body.error?.message ?? response.statusText,
    {},
  );
}

export function ConnectStoreForm({ id, onDone }: { id?: string; onDone?: () => void }) {
  const toast = useToast();
  const navigate = useNavigate();
  const refresh = useRefreshStores();
  const headingId = useId();
  const [draft, setDraft] = useState<ConnectDraft>({
    name: "",
    externalId: "",
    accessToken: "",
    apiBaseUrl: "",
  });
  const [shown, setShown] = useState<Problems>({});
  const install = useMutation({ mutationFn: startInstall });
  const connect = useMutation({
    mutationFn: (d: ConnectDraft) =>
      api<Store>("/api/v1/stores", {
        method: "POST",
        body: {
          platform: "nuvemshop",
          name: d.name.trim(),
          externalId: d.externalId.trim(),
          accessToken: d.accessToken.trim(),
          ...(d.apiBaseUrl.trim() ? { apiBaseUrl: d.apiBaseUrl.trim() } : {}),
        },
      }),
    onSuccess: (store) => {
      refresh(store);
      toast("success", `Loja ${store.name} conectada. Teste a conexão para confirmar o acesso.`);
      onDone?.();
      navigate(`/lojas/${store.id}`);
    },
    onError: (error) => setShown(apiProblems(error)),
  });
  const set = (patch: Partial<ConnectDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check(draft);
    setShown(problems);
    if (Object.keys(problems).length === 0) connect.mutate(draft);
  };
  const installError = install.error instanceof ApiError ? install.error : null;

  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>Conectar uma loja Nuvemshop</h2>
      <div className="grid-2 connect-options">
        <div>
          <h3>Pelo aplicativo (OAuth)</h3>
          <p className="small">
            O dono da loja autoriza o aplicativo do Ponte na Nuvemshop e volta conectado, sem copiar tokens.
          </p>
          <Button pending={install.isPending} onClick={() => install.mutate()}>
            Instalar pelo OAuth da Nuvemshop
          </Button>
          {installError?.code === "oauth_not_configured" ? (
            <Notice kind="warning">
              A instalação pelo OAuth ainda não está configurada neste servidor. Cadastre o aplicativo no
              Portal de Parceiros da Nuvemshop e defina <code>PONTE_NUVEMSHOP_CLIENT_ID</code> e{" "}
              <code>PONTE_NUVEMSHOP_CLIENT_SECRET</code> na configuração do Ponte (depois reinicie). Enquanto
              isso, conecte com o ID da loja e um token de acesso, ao lado.
            </Notice>
          ) : install.isError ? (
            <Notice kind="error">{describeError(install.error)}</Notice>
          ) : null}
        </div>
        <form onSubmit={submit} noValidate aria-label="Conectar com ID da loja e token">
          <h3>Com o ID da loja e um token de acesso</h3>
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
          <Field
            label="ID da loja na Nuvemshop"
            hint="Só números, por exemplo 1234567."
            error={shown.externalId}
          >
            {(props) => (
              <input
                {...props}
                value={draft.externalId}
                inputMode="numeric"
                autoComplete="off"
                onChange={(e) => set({ externalId: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Token de acesso"
            hint="Guardado criptografado; nunca é mostrado de novo."
            error={shown.accessToken}
          >
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                value={draft.accessToken}
                onChange={(e) => set({ accessToken: e.target.value })}
              />
            )}
          </Field>
          <Field
            label="Endereço da API (opcional)"
            hint="Deixe vazio para usar a API da Nuvemshop. Outro endereço só é aceito se o servidor permitir (simulador e testes)."
            error={shown.apiBaseUrl}
          >
            {(props) => (
              <input
                {...props}
                type="url"
                placeholder="https://api.nuvemshop.com.br/v1"
                value={draft.apiBaseUrl}
                onChange={(e) => set({ apiBaseUrl: e.target.value })}
              />
            )}
          </Field>
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
    </section>
  );
}
