// Lojas › E-mails and Envio à loja: how the back office's changes reach out (R6.3, R8.2) — who
// e-mails the customer (Ponte or the platform, never both) and where status pushes go (the
// platform's API, an XML POST or a signed JSON webhook; a generated webhook secret is shown once).
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { ResponseOf } from "../api/types.ts";
import { ApiError, api } from "../api.ts";
import { Button, Field, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { usePlatformLabel, usePlatforms } from "../platforms.ts";
import type { Store } from "../stores.ts";
import { useRefreshStores } from "./store-api.ts";

type Patched = ResponseOf<"/api/v1/stores/{id}", "patch">;

export function CustomerEmailsForm({ store }: { store: Store }) {
  const toast = useToast();
  const refresh = useRefreshStores();
  const name = useId();
  const current = store.customerEmails ?? "ponte";
  const [choice, setChoice] = useState(current);
  const platform = usePlatformLabel()(store.platform);
  const ownEmails = usePlatforms().data?.find((p) => p.id === store.platform)?.customerEmailNote ?? null;
  const save = useMutation({
    mutationFn: () =>
      api<Store>(`/api/v1/stores/${store.id}`, { method: "PATCH", body: { customerEmails: choice } }),
    onSuccess: (updated) => {
      refresh(updated);
      toast(
        "success",
        choice === "ponte"
          ? "O Ponte envia os e-mails aos clientes."
          : `A ${platform} envia os e-mails aos clientes.`,
      );
    },
    onError: (error) => toast("error", `Não foi possível salvar: ${describeError(error)}`),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`}>Quem envia e-mails ao cliente</h2>
      <fieldset className="radio-group">
        <legend className="visually-hidden">Quem envia e-mails ao cliente</legend>
        <label>
          <input type="radio" name={name} checked={choice === "ponte"} onChange={() => setChoice("ponte")} />{" "}
          O Ponte (modelos na aba E-mails, Caixa de saída)
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={choice === "platform"}
            onChange={() => setChoice("platform")}
          />{" "}
          A plataforma ({platform})
        </label>
      </fieldset>
      <p className="small muted">
        Nunca os dois: com a plataforma, o Ponte não envia e-mail e pede à {platform} que avise o cliente em
        cada envio de status.
      </p>
      {ownEmails ? <Notice kind="warning">{ownEmails}</Notice> : null}
      {save.isError ? <Notice kind="error">{describeError(save.error)}</Notice> : null}
      <Button type="submit" variant="primary" pending={save.isPending} disabled={choice === current}>
        Salvar
      </Button>
    </form>
  );
}

type Kind = "platform" | "xml" | "webhook";

export function PushChannelForm({ store }: { store: Store }) {
  const toast = useToast();
  const refresh = useRefreshStores();
  const name = useId();
  const channel = store.pushChannel ?? { kind: "platform" as const };
  const [kind, setKind] = useState<Kind>(channel.kind);
  const [url, setUrl] = useState(channel.url ?? "");
  const [rotate, setRotate] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const platform = usePlatformLabel()(store.platform);
  const save = useMutation({
    mutationFn: () =>
      api<Patched>(`/api/v1/stores/${store.id}`, {
        method: "PATCH",
        body: {
          pushChannel:
            kind === "platform"
              ? { kind }
              : { kind, url: url.trim(), ...(kind === "webhook" && rotate ? { rotateSecret: true } : {}) },
        },
      }),
    onSuccess: (updated) => {
      const { webhookSecret, ...rest } = updated;
      refresh(rest);
      setRotate(false);
      setSecret(webhookSecret ?? null);
      toast("success", "Canal de envio à loja salvo.");
    },
    onError: (error) => toast("error", `Não foi possível salvar: ${describeError(error)}`),
  });
  const urlError =
    save.error instanceof ApiError && save.error.status === 400 ? describeError(save.error) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    save.mutate();
  };
  const options: [Kind, string][] = [
    ["platform", `API da ${platform} (padrão)`],
    ["xml", "XML (POST do evento para um endereço)"],
    ["webhook", "Webhook JSON assinado (HMAC-SHA256)"],
  ];
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${name}-title`} noValidate>
      <h2 id={`${name}-title`}>Canal de envio à loja</h2>
      <fieldset className="radio-group">
        <legend className="visually-hidden">Canal de envio à loja</legend>
        {options.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={name} checked={kind === value} onChange={() => setKind(value)} />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      {kind !== "platform" ? (
        <Field
          label="Endereço (URL)"
          hint="Só https:// e endereços públicos (nada de rede interna)."
          error={urlError}
        >
          {(p) => (
            <input
              {...p}
              type="url"
              placeholder="https://"
              maxLength={2000}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      {kind === "webhook" && channel.kind === "webhook" && channel.hasSecret ? (
        <label>
          <input type="checkbox" checked={rotate} onChange={(e) => setRotate(e.target.checked)} /> Gerar um
          novo segredo de assinatura
        </label>
      ) : null}
      {secret ? (
        <Notice kind="warning">
          Segredo de assinatura do webhook (mostrado só agora; guarde-o):{" "}
          <code className="break">{secret}</code>
        </Notice>
      ) : null}
      <Button type="submit" variant="primary" pending={save.isPending}>
        Salvar canal
      </Button>
    </form>
  );
}
