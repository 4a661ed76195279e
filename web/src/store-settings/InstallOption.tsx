// "Conectar loja", the click-through way: Ponte's app installed through the platform's OAuth, or —
// for a self-hosted store (installStartsFromStore) — the merchant names the store's site first and
// approves Ponte there, and the platform hands the keys over to Ponte. Either way no key is copied.
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError } from "../api.ts";
import { Button, Field, Notice } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { fieldProblem, type Platform } from "../platforms.ts";
import { ApiAddressField } from "./ApiAddressField.tsx";
import { apiBaseDraftProblem } from "./store-api.ts";

function installPath(platform: Platform, store?: { storeId: string; apiBaseUrl: string }): string {
  const path = `/api/v1/platforms/${encodeURIComponent(platform.id)}/install`;
  if (!store) return path;
  const query = new URLSearchParams({ storeId: store.storeId.trim() });
  if (store.apiBaseUrl.trim()) query.set("apiBaseUrl", store.apiBaseUrl.trim());
  return `${path}?${query}`;
}

/** Asks the server whether the install can start (it redirects) before sending the browser there. */
async function startInstall(path: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { redirect: "manual", credentials: "same-origin" });
  } catch (error) {
    throw new ApiError(0, "network_error", String(error), {});
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    window.location.assign(path);
    return;
  }
  const body = (await response.json().catch(() => ({}))) as {
    error?: { code?: string; message?: string } & Record<string, unknown>;
  };
  const { code, message, ...details } = body.error ?? {};
  throw new ApiError(
    response.status,
    code ?? `http_${response.status}`,
    message ?? response.statusText,
    details,
  );
}

function NotConfigured({ platform }: { platform: Platform }) {
  const settings = platform.installSettings.map((name, i) => (
    <span key={name}>
      {i > 0 ? " e " : null}
      <code>{name}</code>
    </span>
  ));
  return platform.installStartsFromStore ? (
    <Notice kind="warning">
      A conexão pela loja precisa do endereço público do Ponte com https, para a {platform.label} entregar as
      chaves: defina {settings} na configuração do Ponte (depois reinicie). Enquanto isso, conecte com as
      chaves, ao lado.
    </Notice>
  ) : (
    <Notice kind="warning">
      A instalação pelo OAuth ainda não está configurada neste servidor. Cadastre o aplicativo do Ponte na{" "}
      {platform.label} e defina {settings} na configuração do Ponte (depois reinicie). Enquanto isso, conecte
      com o ID da loja e as credenciais, ao lado.
    </Notice>
  );
}

export function InstallOption({ platform }: { platform: Platform }) {
  const [site, setSite] = useState({ storeId: "", apiBaseUrl: "" });
  const [shown, setShown] = useState<{ storeId?: string; apiBaseUrl?: string }>({});
  const install = useMutation({ mutationFn: (path: string) => startInstall(path) });
  const error = install.error instanceof ApiError ? install.error : null;
  const fromStore = platform.installStartsFromStore;
  const idField = platform.storeId.schema;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fromStore) return install.mutate(installPath(platform));
    const problems = {
      storeId: fieldProblem(idField, site.storeId.trim()) ? platform.storeId.hint : undefined,
      apiBaseUrl: apiBaseDraftProblem(site.apiBaseUrl),
    };
    setShown(problems);
    if (!problems.storeId && !problems.apiBaseUrl) install.mutate(installPath(platform, site));
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Conectar pela ${platform.label}`}>
      <h3>{fromStore ? "Pela loja, sem copiar chaves" : "Pelo aplicativo (OAuth)"}</h3>
      <p className="small">
        {fromStore
          ? `Informe o endereço da loja: você aprova o acesso do Ponte na ${platform.label} e ela entrega as chaves ao Ponte.`
          : `O dono da loja autoriza o aplicativo do Ponte na ${platform.label} e volta conectado, sem copiar tokens.`}
      </p>
      {fromStore ? (
        <>
          <Field label={idField.title} hint={idField.description} error={shown.storeId}>
            {(props) => (
              <input
                {...props}
                type="url"
                value={site.storeId}
                autoComplete="off"
                onChange={(e) => setSite({ ...site, storeId: e.target.value })}
              />
            )}
          </Field>
          <ApiAddressField
            label="Endereço da API (opcional)"
            hint={`Deixe vazio para usar a API do próprio site. Outro endereço só é aceito se o servidor permitir (simulador e testes).`}
            error={
              shown.apiBaseUrl ??
              (error?.details.reasonCode === "api_base_refused" ? describeError(error) : undefined)
            }
            value={site.apiBaseUrl}
            onChange={(apiBaseUrl) => setSite({ ...site, apiBaseUrl })}
          />
        </>
      ) : null}
      <Button type="submit" pending={install.isPending}>
        {fromStore ? `Conectar pela ${platform.label}` : `Instalar pelo OAuth da ${platform.label}`}
      </Button>
      {error?.code === "oauth_not_configured" ? (
        <NotConfigured platform={platform} />
      ) : install.isError && error?.details.reasonCode !== "api_base_refused" ? (
        <Notice kind="error">{describeError(install.error)}</Notice>
      ) : null}
    </form>
  );
}
