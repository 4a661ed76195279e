// One customer (issue 16, seeds 000–002): documents and contacts, addresses, the default fields
// the store's expressions filled, the stores and orders; the edit form, and the merge of another
// record of the same person into this one; the LGPD requests (export, anonymise).
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { RecordLoad } from "../components/RecordLoad.tsx";
import { PageHeader } from "../components/ui.tsx";
import { CustomerForm } from "../customers/CustomerForm.tsx";
import { CustomerOrders } from "../customers/CustomerOrders.tsx";
import { CustomerPrivacy } from "../customers/CustomerPrivacy.tsx";
import { type CustomerRecord, useCustomer } from "../customers/customers-api.ts";
import { MergeCustomers } from "../customers/MergeCustomers.tsx";
import { formatDateTime, formatDocumentOrDash, formatPhoneBr } from "../format.ts";
import { Can } from "../permissions.tsx";

export function CustomerPage() {
  const id = Number(useParams().id);
  return (
    <RecordLoad
      id={id}
      query={useCustomer(id)}
      title="Cliente"
      loadingLabel="Carregando cliente…"
      notFound={<NotFound />}
    >
      {(customer) => <CustomerView customer={customer} />}
    </RecordLoad>
  );
}

function NotFound() {
  return (
    <>
      <PageHeader title="Cliente não encontrado" />
      <p>
        Esse cadastro não existe (ou foi unificado com outro).{" "}
        <Link to="/clientes">Voltar para Clientes</Link>
      </p>
    </>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `cliente-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section className="card order-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact-row">
          <dt>{term}</dt>
          <dd>{value === null || value === undefined || value === "" ? "—" : value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Address = CustomerRecord["addresses"][number];

function addressLine(a: Address): string {
  const street = [a.street, a.number, a.complement].filter(Boolean).join(", ");
  const zip = a.zipcode ? `CEP ${a.zipcode.replace(/^(\d{5})(\d{3})$/, "$1-$2")}` : null;
  return [street, a.neighborhood, [a.city, a.state].filter(Boolean).join(" / "), zip]
    .filter(Boolean)
    .join(" — ");
}

/** A default field's value as the operator reads it: Sim/Não for yes/no, text as it is. */
function fieldValue(value: unknown): string {
  if (value === true) return "Sim";
  if (value === false) return "Não";
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function CustomerView({ customer: c }: { customer: CustomerRecord }) {
  const addresses = [...new Set(c.addresses.map(addressLine).filter(Boolean))];
  const extra = Object.entries(c.extraFields ?? {});
  return (
    <>
      <p className="small">
        <Link to="/clientes">← Clientes</Link>
      </p>
      <PageHeader title={c.name}>
        {c.redactedAt === null ? (
          <Can permission="operate">
            <Link className="btn btn-primary" to={`/pedidos/novo?cliente=${c.id}`}>
              Novo pedido para este cliente
            </Link>
          </Can>
        ) : null}
      </PageHeader>
      <div className="order-cards">
        <Card title="Documentos e contatos">
          <Facts
            rows={[
              [
                c.documentKind === "cnpj" ? "CNPJ" : c.documentKind === "cpf" ? "CPF" : "CPF/CNPJ",
                formatDocumentOrDash(c.document),
              ],
              ["Pessoa", c.kind === "PJ" ? "Jurídica" : "Física"],
              ["E-mail", c.email],
              ["Telefone", c.phone ? formatPhoneBr(c.phone) : null],
              ["Cadastrado em", formatDateTime(c.createdAt)],
              ["Loja de origem", c.originStore?.name ?? "Cadastro manual"],
            ]}
          />
        </Card>
        <Card title="Endereços">
          {addresses.length > 0 ? (
            <ul className="plain-list">
              {addresses.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Sem endereço.</p>
          )}
        </Card>
        <Card title="Campos padrões">
          {extra.length > 0 ? (
            <Facts rows={extra.map(([field, value]) => [field, fieldValue(value)])} />
          ) : (
            <p className="muted small">
              Nenhum campo preenchido pelas expressões da loja (Campos Padrões de Cliente).
            </p>
          )}
        </Card>
        <Card title="Lojas">
          {c.stores.length > 0 ? (
            <ul className="plain-list">
              {c.stores.map((s) => (
                <li key={s.id}>
                  <Link to={`/lojas/${s.id}`}>{s.name}</Link> — {s.ordersCount}{" "}
                  {s.ordersCount === 1 ? "pedido" : "pedidos"}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nenhum pedido de loja.</p>
          )}
        </Card>
      </div>
      <CustomerOrders customer={c} />
      {/* An anonymised record takes no data again: no edit, no merge. */}
      {c.redactedAt === null ? (
        <Can permission="operate">
          <div className="order-cards">
            <Card title="Editar cadastro">
              <CustomerForm customer={c} />
            </Card>
            <Card title="Unificar cadastros">
              <MergeCustomers customer={c} />
            </Card>
          </div>
        </Can>
      ) : null}
      <Can permission="privacy">
        <CustomerPrivacy customer={c} />
      </Can>
    </>
  );
}
