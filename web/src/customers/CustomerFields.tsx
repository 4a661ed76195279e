// The fields of a customer record — name, CPF/CNPJ, e-mail, phone — as Novo cliente and Editar
// cadastro both ask for them, each with the API's pt-BR refusal next to it.
import { TextField } from "../orders/fulfilment-ui.tsx";

export interface CustomerDraft {
  name: string;
  document: string;
  email: string;
  phone: string;
}

export const CUSTOMER_FIELDS = ["name", "document", "email", "phone"];

export function CustomerFields({
  draft,
  set,
  err,
  documentOptional = false,
}: {
  draft: CustomerDraft;
  set: (patch: Partial<CustomerDraft>) => void;
  err: (field: string) => string | undefined;
  documentOptional?: boolean;
}) {
  return (
    <>
      <TextField
        label="Nome"
        error={err("name")}
        maxLength={200}
        value={draft.name}
        onChange={(name) => set({ name })}
      />
      <TextField
        label={documentOptional ? "CPF/CNPJ (opcional)" : "CPF/CNPJ"}
        hint="Com ou sem pontuação; CNPJ alfanumérico aceito"
        error={err("document")}
        autoComplete="off"
        maxLength={40}
        value={draft.document}
        onChange={(document) => set({ document })}
      />
      <div className="grid-2">
        <TextField
          label="E-mail"
          error={err("email")}
          type="email"
          maxLength={254}
          value={draft.email}
          onChange={(email) => set({ email })}
        />
        <TextField
          label="Telefone"
          hint="DDD e número, ex.: (11) 91234-5678"
          error={err("phone")}
          type="tel"
          maxLength={40}
          value={draft.phone}
          onChange={(phone) => set({ phone })}
        />
      </div>
    </>
  );
}
