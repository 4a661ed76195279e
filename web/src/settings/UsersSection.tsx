// Configurações › Usuários (admins): who may use the panel, with which role; add a user with an
// initial password, change a role, disable (their sessions end) or remove. The server keeps the
// last enabled admin and says so in pt-BR.
import { type FormEvent, useState } from "react";
import { ROLES, type Role } from "../../../src/auth/roles.ts";
import { useSession } from "../auth.tsx";
import { Button, ConfirmButton, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { ACCESS_LABELS } from "../permissions.tsx";
import { AccessSelect } from "./AccessSelect.tsx";
import { type UserRow, useUserActions, useUsers } from "./access-api.ts";

const ROLE_HINTS: Record<Role, string> = {
  admin: "usuários, tokens, lojas e configurações, além de tudo o que o Operador faz",
  operator: "pedidos, notas, envios, clientes, estoque, recebíveis, Integração e Falhas",
  reader: "vê tudo o que pode, não altera nada; CPF/CNPJ aparecem mascarados",
};

export function UsersSection() {
  const users = useUsers();
  return (
    <section className="card" aria-labelledby="usuarios">
      <h2 id="usuarios">Usuários</h2>
      <ul className="muted small">
        {ROLES.map((r) => (
          <li key={r}>
            <strong>{ACCESS_LABELS[r]}</strong>: {ROLE_HINTS[r]}.
          </li>
        ))}
      </ul>
      {users.isPending ? <Loading label="Carregando os usuários…" /> : null}
      {users.isError ? <Notice kind="error">{describeError(users.error)}</Notice> : null}
      {users.data ? <UsersTable users={users.data.users} /> : null}
      <NewUserForm />
    </section>
  );
}

function UsersTable({ users }: { users: UserRow[] }) {
  const me = useSession().data;
  const { change, remove } = useUserActions();
  const toast = useToast();
  const failed = (error: unknown) => toast("error", describeError(error));
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Papel</th>
            <th scope="col">Situação</th>
            <th scope="col">Último acesso</th>
            <th scope="col">Ações</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">
                {u.email}
                {u.id === me?.id ? " (você)" : ""}
              </th>
              <td>
                <AccessSelect
                  aria-label={`Papel de ${u.email}`}
                  options={ROLES}
                  value={u.role}
                  disabled={change.isPending}
                  onPick={(role) =>
                    change.mutate(
                      { id: u.id, role },
                      {
                        onSuccess: () => toast("success", `${u.email} agora é ${ACCESS_LABELS[role]}.`),
                        onError: failed,
                      },
                    )
                  }
                />
              </td>
              <td>{u.disabled ? "Desativado" : "Ativo"}</td>
              <td>{formatDateTime(u.lastLoginAt)}</td>
              <td className="actions">
                {u.id === me?.id ? null : (
                  <>
                    <Button
                      variant="ghost"
                      aria-label={`${u.disabled ? "Reativar" : "Desativar"} ${u.email}`}
                      onClick={() =>
                        change.mutate(
                          { id: u.id, disabled: !u.disabled },
                          {
                            onSuccess: () =>
                              toast(
                                "success",
                                u.disabled
                                  ? `${u.email} reativado.`
                                  : `${u.email} desativado: as sessões dele terminaram.`,
                              ),
                            onError: failed,
                          },
                        )
                      }
                    >
                      {u.disabled ? "Reativar" : "Desativar"}
                    </Button>
                    <ConfirmButton
                      label="Remover"
                      title={`Remover ${u.email}?`}
                      message="O usuário deixa de entrar no Ponte e as sessões abertas dele terminam agora. O histórico dos pedidos continua mostrando o que ele fez."
                      confirmLabel="Remover usuário"
                      pending={remove.isPending}
                      onConfirm={() =>
                        remove.mutate(u.id, {
                          onSuccess: () => toast("success", `${u.email} removido.`),
                          onError: failed,
                        })
                      }
                    />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewUserForm() {
  const { create } = useUserActions();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<Role>("operator");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email: email.trim(), password, role },
      {
        onSuccess: (u) => {
          toast(
            "success",
            `${u.email} adicionado como ${ACCESS_LABELS[u.role]}. Passe a senha inicial a ele.`,
          );
          setEmail("");
          setPassword("");
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Adicionar usuário" noValidate>
      <h3>Adicionar usuário</h3>
      <div className="grid-2">
        <Field label="E-mail">
          {(props) => (
            <input
              {...props}
              type="email"
              value={email}
              maxLength={254}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Senha inicial"
          hint="De 10 a 256 caracteres. Combine com a pessoa como ela vai recebê-la."
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label="Papel">
          {(props) => <AccessSelect {...props} options={ROLES} value={role} onPick={setRole} />}
        </Field>
      </div>
      {create.isError ? <Notice kind="error">{describeError(create.error)}</Notice> : null}
      <p>
        <Button type="submit" variant="primary" pending={create.isPending}>
          Adicionar usuário
        </Button>
      </p>
    </form>
  );
}
