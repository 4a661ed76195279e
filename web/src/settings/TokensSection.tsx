// Configurações › Tokens de API (admins): tokens for scripts with a role or the Webhooks scope and
// an optional expiry; the secret is shown once, right after it is made; revoked here or with
// `ponte token revoke`. The list shows who made each one and when it was last used.
import { type FormEvent, useState } from "react";
import { Button, ConfirmButton, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { ACCESS_LABELS } from "../permissions.tsx";
import { AccessSelect } from "./AccessSelect.tsx";
import { type NewToken, type TokenRow, useTokenActions, useTokens } from "./access-api.ts";

const ACCESS = ["reader", "operator", "admin", "webhooks"] as const;
const EXPIRIES = [
  { days: 30, label: "30 dias" },
  { days: 90, label: "90 dias" },
  { days: 365, label: "1 ano" },
  { days: 0, label: "Não expira" },
];

function situation(t: TokenRow): string {
  if (t.revokedAt) return `Revogado em ${formatDateTime(t.revokedAt)}`;
  if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now())
    return `Expirou em ${formatDateTime(t.expiresAt)}`;
  return t.expiresAt ? `Ativo até ${formatDateTime(t.expiresAt)}` : "Ativo, sem validade";
}

const madeBy = (by: string | null) =>
  !by ? "—" : by === "cli" ? "linha de comando" : by.replace(/^user:/, "").replace(/^token:/, "token ");

export function TokensSection() {
  const tokens = useTokens();
  const { revoke } = useTokenActions();
  const toast = useToast();
  return (
    <section className="card" aria-labelledby="tokens-api">
      <h2 id="tokens-api">Tokens de API</h2>
      <p className="muted small">
        Para scripts e integrações: envie o token no cabeçalho <code>Authorization: Bearer</code>. O papel
        limita o que ele pode fazer; Webhooks só vê as lojas e roda o Testar conexão (que religa os webhooks).
      </p>
      {tokens.isPending ? <Loading label="Carregando os tokens…" /> : null}
      {tokens.isError ? <Notice kind="error">{describeError(tokens.error)}</Notice> : null}
      {tokens.data && tokens.data.tokens.length === 0 ? <p>Nenhum token criado ainda.</p> : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Nome</th>
                <th scope="col">Início</th>
                <th scope="col">Acesso</th>
                <th scope="col">Situação</th>
                <th scope="col">Último uso</th>
                <th scope="col">Criado por</th>
                <th scope="col">Ações</th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{ACCESS_LABELS[t.access]}</td>
                  <td>{situation(t)}</td>
                  <td>{formatDateTime(t.lastUsedAt)}</td>
                  <td>{madeBy(t.createdBy)}</td>
                  <td className="actions">
                    {t.revokedAt ? null : (
                      <ConfirmButton
                        label="Revogar"
                        title={`Revogar o token ${t.name}?`}
                        message="Scripts que usam este token passam a receber 401 na hora. Não dá para desfazer: crie outro token se precisar."
                        confirmLabel="Revogar token"
                        pending={revoke.isPending}
                        onConfirm={() =>
                          revoke.mutate(t.id, {
                            onSuccess: () => toast("success", `Token ${t.name} revogado.`),
                            onError: (e) => toast("error", describeError(e)),
                          })
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NewTokenForm />
    </section>
  );
}

function NewTokenForm() {
  const { create } = useTokenActions();
  const [name, setName] = useState("");
  const [access, setAccess] = useState<NewToken["access"]>("reader");
  const [days, setDays] = useState(90);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSecret(null);
    create.mutate(
      { name: name.trim(), access, ...(days > 0 ? { expiresInDays: days } : {}) },
      {
        onSuccess: (made) => {
          setSecret({ name: made.token.name, value: made.secret });
          setName("");
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Criar token de API" noValidate>
      <h3>Criar token</h3>
      {secret ? (
        <Notice kind="success">
          Token <strong>{secret.name}</strong> criado. Copie agora: ele não será mostrado de novo.
          <br />
          <label className="token-secret">
            Token criado
            <input readOnly value={secret.value} onFocus={(e) => e.target.select()} />
          </label>
        </Notice>
      ) : null}
      <div className="grid-2">
        <Field label="Nome do token" hint="Para reconhecê-lo na lista, ex.: backup-noturno">
          {(props) => (
            <input {...props} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field label="Acesso">
          {(props) => <AccessSelect {...props} options={ACCESS} value={access} onPick={setAccess} />}
        </Field>
        <Field label="Validade">
          {(props) => (
            <select {...props} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {EXPIRIES.map((x) => (
                <option key={x.days} value={x.days}>
                  {x.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {create.isError ? <Notice kind="error">{describeError(create.error)}</Notice> : null}
      <p>
        <Button type="submit" variant="primary" pending={create.isPending}>
          Criar token
        </Button>
      </p>
    </form>
  );
}
