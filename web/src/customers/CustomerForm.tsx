// Editar cadastro: name, CPF/CNPJ, e-mail and phone, each refusal shown next to its field in the
// API's pt-BR words; a CPF/CNPJ that belongs to another record links to it (to merge the two).
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { ApiError } from "../api.ts";
import { Notice, useToast } from "../components/ui.tsx";
import { formatDocumentOrDash } from "../format.ts";
import { FormErrorNotice, fieldError, SubmitButton } from "../orders/fulfilment-ui.tsx";
import { CUSTOMER_FIELDS, type CustomerDraft, CustomerFields } from "./CustomerFields.tsx";
import { type CustomerEdit, type CustomerRecord, useEditCustomer } from "./customers-api.ts";

type Draft = CustomerDraft;

const draftOf = (c: CustomerRecord): Draft => ({
  name: c.name,
  document: c.document ? formatDocumentOrDash(c.document) : "",
  email: c.email ?? "",
  phone: c.phone ?? "",
});

/** Only what changed is sent; an emptied e-mail or phone is removed (null). */
function changes(c: CustomerRecord, d: Draft): CustomerEdit {
  const before = draftOf(c);
  const body: CustomerEdit = {};
  if (d.name.trim() !== before.name) body.name = d.name;
  if (d.document.trim() !== before.document) body.document = d.document.trim() || null;
  if (d.email.trim() !== before.email) body.email = d.email.trim() || null;
  if (d.phone.trim() !== before.phone) body.phone = d.phone.trim() || null;
  return body;
}

/** The other record holding the document, when the API said so. */
function documentOwner(error: unknown): number | null {
  if (!(error instanceof ApiError) || error.details.reasonCode !== "document_in_use") return null;
  return typeof error.details.customerId === "number" ? error.details.customerId : null;
}

export function CustomerForm({ customer }: { customer: CustomerRecord }) {
  const toast = useToast();
  const [draft, setDraft] = useState(() => draftOf(customer));
  const edit = useEditCustomer(customer.id);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const err = (field: string) => fieldError(edit.error, field);
  const owner = documentOwner(edit.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = changes(customer, draft);
    if (Object.keys(body).length === 0) {
      toast("info", "Nada mudou no cadastro.");
      return;
    }
    edit.mutate(body, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        toast("success", "Cadastro do cliente salvo.");
      },
    });
  };

  return (
    <form onSubmit={submit} aria-label="Editar cadastro" noValidate>
      {owner !== null ? (
        <Notice kind="error">
          Esse CPF/CNPJ já pertence a outro cliente.{" "}
          <Link to={`/clientes/${owner}`}>Abrir o outro cadastro</Link> para unificar os dois.
        </Notice>
      ) : (
        <FormErrorNotice error={edit.error} fields={CUSTOMER_FIELDS} />
      )}
      <CustomerFields draft={draft} set={set} err={err} />
      <SubmitButton pending={edit.isPending}>Salvar cadastro</SubmitButton>
    </form>
  );
}
