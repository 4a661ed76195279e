// Configurações: the shipping label's sender (remetente) — name, CPF/CNPJ and address with CEP
// (until it is set, labels carry only the store's name) — and, for admins, Usuários, Tokens de API
// and Privacidade (LGPD): every privacy request. Who may not change the sender sees it read-only.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api.ts";
import { Button, Field, Loading, Notice, PageHeader, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { Can, useCan } from "../permissions.tsx";
import { PrivacySection } from "../privacy/PrivacySection.tsx";
import { OrganizationsSection } from "../settings/OrganizationsSection.tsx";
import { SENDER_KEY, type Sender, useSender } from "../settings/sender-api.ts";
import { TokensSection } from "../settings/TokensSection.tsx";
import { UsersSection } from "../settings/UsersSection.tsx";

type Draft = Record<keyof Sender, string>;
type Problems = Partial<Record<keyof Sender, string>>;

const FIELDS: { key: keyof Sender; label: string; max: number; hint?: string; wide?: boolean }[] = [
  { key: "name", label: "Nome ou razão social", max: 200 },
  { key: "document", label: "CPF/CNPJ", max: 30 },
  { key: "street", label: "Rua", max: 200 },
  { key: "number", label: "Número", max: 20 },
  { key: "complement", label: "Complemento", max: 100 },
  { key: "neighborhood", label: "Bairro", max: 100 },
  { key: "city", label: "Cidade", max: 100 },
  { key: "state", label: "UF", max: 2, hint: "Duas letras, ex.: SP" },
  { key: "zipcode", label: "CEP", max: 9, hint: "8 dígitos, ex.: 01310-100" },
  { key: "phone", label: "Telefone", max: 30 },
];

const toDraft = (s: Sender | null): Draft =>
  Object.fromEntries(FIELDS.map(({ key }) => [key, s?.[key] ?? ""])) as Draft;

/** The API names the field at fault (details.field with a pt-BR reason, or the schema's JSON pointers). */
function apiProblems(error: unknown): Problems {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const p: Problems = {};
  const field = error.details.field;
  if (typeof field === "string" && field in toDraft(null)) p[field as keyof Sender] = describeError(error);
  if (Array.isArray(error.details.fields)) {
    for (const f of error.details.fields as { path?: string }[]) {
      const key = (f.path ?? "").replace(/^\//, "") as keyof Sender;
      const spec = FIELDS.find((x) => x.key === key);
      if (spec && !p[key]) p[key] = `Valor inválido (até ${spec.max} caracteres).`;
    }
  }
  return p;
}

export function SettingsPage() {
  const sender = useSender();
  return (
    <>
      <PageHeader title="Configurações" />
      {sender.isPending ? <Loading label="Carregando as configurações…" /> : null}
      {sender.isError ? <Notice kind="error">{describeError(sender.error)}</Notice> : null}
      {sender.isSuccess ? <SenderForm initial={sender.data.sender} /> : null}
      <Can permission="access">
        <OrganizationsSection />
        <UsersSection />
        <TokensSection />
      </Can>
      <Can permission="privacy">
        <PrivacySection />
      </Can>
    </>
  );
}

function SenderForm({ initial }: { initial: Sender | null }) {
  const client = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [problems, setProblems] = useState<Problems>({});
  const save = useMutation({
    mutationFn: (d: Draft) =>
      api<Sender>("/api/v1/settings/sender", {
        method: "PUT",
        body: Object.fromEntries(
          FIELDS.map(({ key }) => [key, key === "name" ? d.name.trim() : d[key].trim() || null]),
        ),
      }),
    onSuccess: (saved) => {
      client.setQueryData(SENDER_KEY, { sender: saved });
      setDraft(toDraft(saved));
      setProblems({});
      toast("success", "Remetente salvo: as próximas etiquetas já saem com ele.");
    },
    onError: (error) => setProblems(apiProblems(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) {
      setProblems({ name: "Informe o nome do remetente." });
      return;
    }
    setProblems({});
    save.mutate(draft);
  };
  const unnamed = save.isError && Object.keys(apiProblems(save.error)).length === 0;
  const editable = useCan("configure");

  return (
    <form onSubmit={submit} noValidate aria-label="Remetente das etiquetas">
      <section className="card">
        <fieldset className="plain-fieldset" disabled={!editable}>
          <h2>Remetente das etiquetas</h2>
          <p className="muted small">
            O endereço impresso como remetente na etiqueta de envio (10 × 15 cm). Sem ele, a etiqueta traz só
            o nome da loja.
          </p>
          {initial === null ? <Notice kind="warning">Nenhum remetente cadastrado ainda.</Notice> : null}
          <div className="grid-2">
            {FIELDS.map(({ key, label, max, hint }) => (
              <Field key={key} label={label} hint={hint} error={problems[key]}>
                {(props) => (
                  <input
                    {...props}
                    value={draft[key]}
                    maxLength={max}
                    required={key === "name"}
                    onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                  />
                )}
              </Field>
            ))}
          </div>
          {unnamed ? <Notice kind="error">{describeError(save.error)}</Notice> : null}
          {editable ? (
            <p>
              <Button type="submit" variant="primary" pending={save.isPending}>
                Salvar remetente
              </Button>
            </p>
          ) : (
            <p className="muted small">Só um administrador altera o remetente.</p>
          )}
        </fieldset>
      </section>
    </form>
  );
}
