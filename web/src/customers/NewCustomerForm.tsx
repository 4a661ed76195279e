// Novo cliente: a record made by hand (e.g. for an order that came without CPF/CNPJ), with the
// same checks as the edit; the new record opens once saved.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { RequestOf } from "../api/types.ts";
import { api } from "../api.ts";
import { Button, useToast } from "../components/ui.tsx";
import { FormErrorNotice, fieldError, SubmitButton } from "../orders/fulfilment-ui.tsx";
import { CUSTOMER_FIELDS, type CustomerDraft, CustomerFields } from "./CustomerFields.tsx";
import { CUSTOMERS_KEY, type CustomerRecord } from "./customers-api.ts";

type NewCustomer = RequestOf<"/api/v1/customers", "post">;
const EMPTY: CustomerDraft = { name: "", document: "", email: "", phone: "" };

export function NewCustomerForm() {
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(EMPTY);
  const create = useMutation({
    mutationFn: (body: NewCustomer) => api<CustomerRecord>("/api/v1/customers", { method: "POST", body }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: CUSTOMERS_KEY });
      toast("success", `Cliente ${saved.name} cadastrado.`);
      navigate(`/clientes/${saved.id}`);
    },
  });
  const set = (patch: Partial<CustomerDraft>) => setDraft({ ...draft, ...patch });
  const err = (field: string) => fieldError(create.error, field);

  if (!open) {
    return (
      <Button variant="primary" onClick={() => setOpen(true)}>
        Novo cliente
      </Button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const optional = (v: string) => v.trim() || null;
    create.mutate({
      name: draft.name,
      document: optional(draft.document),
      email: optional(draft.email),
      phone: optional(draft.phone),
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Novo cliente" noValidate>
      <FormErrorNotice error={create.error} fields={CUSTOMER_FIELDS} />
      <CustomerFields draft={draft} set={set} err={err} documentOptional />
      <div className="actions actions-start">
        <SubmitButton pending={create.isPending}>Cadastrar cliente</SubmitButton>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancelar
        </Button>
      </div>
    </form>
  );
}
