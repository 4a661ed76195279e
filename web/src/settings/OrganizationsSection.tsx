// Configurações › Organizações (admins): the organisations this person works in and a new one for
// another merchant, with its own stores, orders, customers, users and tokens. Whoever creates it
// is its first admin and switches to it in the top bar.
import { type FormEvent, useState } from "react";
import { useSession } from "../auth.tsx";
import { Button, Field, Loading, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { ACCESS_LABELS } from "../permissions.tsx";
import { useCreateOrganization, useOrganizations } from "./organizations-api.ts";

export function OrganizationsSection() {
  const orgs = useOrganizations();
  const session = useSession();
  return (
    <section className="card" aria-labelledby="organizacoes">
      <h2 id="organizacoes">Organizações</h2>
      <p className="muted small">
        Cada organização é um lojista: lojas, pedidos, clientes, usuários e tokens próprios, que as outras não
        veem. Troque de organização no topo da página.
      </p>
      {orgs.isPending ? <Loading label="Carregando as organizações…" /> : null}
      {orgs.isError ? <Notice kind="error">{describeError(orgs.error)}</Notice> : null}
      {orgs.data ? (
        <ul>
          {orgs.data.organizations.map((o) => (
            <li key={o.id}>
              {o.name} — {ACCESS_LABELS[o.role]}
              {o.id === session.data?.organization.id ? " (atual)" : ""}
            </li>
          ))}
        </ul>
      ) : null}
      <NewOrganizationForm />
    </section>
  );
}

function NewOrganizationForm() {
  const create = useCreateOrganization();
  const toast = useToast();
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (org) => {
        toast(
          "success",
          `Organização ${org.name} criada. Você é o administrador; troque para ela no topo da página.`,
        );
        setName("");
      },
    });
  };
  return (
    <form onSubmit={submit} aria-label="Nova organização" noValidate>
      <h3>Nova organização</h3>
      <Field label="Nome" error={create.isError ? describeError(create.error) : undefined}>
        {(props) => (
          <input {...props} value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Button type="submit" pending={create.isPending} disabled={name.trim() === ""}>
        Criar organização
      </Button>
    </form>
  );
}
