// Privacidade (LGPD) on the customer record: "Exportar dados (LGPD)" makes the customer's data
// JSON to hand over; "Anonimizar cliente" removes their personal data after a dialog that says
// what is kept (the fiscal records the law requires). The customer's requests are listed below.
import { useRef } from "react";
import { Button, ConfirmDialog, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { formatDateTime } from "../format.ts";
import { PrivacyTable } from "../privacy/PrivacyTable.tsx";
import { useCreatePrivacyRequest, useCustomerPrivacyRequests } from "../privacy/privacy-api.ts";
import type { CustomerRecord } from "./customers-api.ts";

export function CustomerPrivacy({ customer }: { customer: CustomerRecord }) {
  const toast = useToast();
  const requests = useCustomerPrivacyRequests(customer.id);
  const create = useCreatePrivacyRequest(customer.id);
  const dialog = useRef<HTMLDialogElement>(null);
  const redacted = customer.redactedAt !== null;

  const exportData = () =>
    create.mutate("data_request", {
      onSuccess: () =>
        toast("success", "Exportação pedida: o JSON fica disponível na lista abaixo em instantes."),
    });
  const anonymise = () =>
    create.mutate("customer_redact", {
      onSuccess: () =>
        toast("success", "Anonimização pedida: os dados pessoais serão removidos em instantes."),
    });

  return (
    <section className="card order-section" aria-labelledby="cliente-privacidade">
      <h2 id="cliente-privacidade">Privacidade (LGPD)</h2>
      {redacted ? (
        <Notice kind="info">
          Cliente anonimizado em {formatDateTime(customer.redactedAt!)}: nome, contatos, CPF/CNPJ e endereços
          foram removidos. Os pedidos e notas fiscais continuam, sem os dados pessoais.
        </Notice>
      ) : (
        <p className="actions">
          <Button pending={create.isPending && create.variables === "data_request"} onClick={exportData}>
            Exportar dados (LGPD)
          </Button>
          <Button
            variant="danger"
            pending={create.isPending && create.variables === "customer_redact"}
            onClick={() => {
              create.reset();
              dialog.current?.showModal();
            }}
          >
            Anonimizar cliente
          </Button>
        </p>
      )}
      {create.isError ? <Notice kind="error">{describeError(create.error)}</Notice> : null}
      {requests.isError ? <Notice kind="error">{describeError(requests.error)}</Notice> : null}
      {requests.data ? (
        <PrivacyTable items={requests.data.items} label="Solicitações de privacidade do cliente" />
      ) : null}
      <ConfirmDialog
        dialogRef={dialog}
        title="Anonimizar cliente?"
        message={
          <>
            <p>
              O nome, o e-mail, o telefone, o CPF/CNPJ e os endereços de <strong>{customer.name}</strong> são
              removidos do cadastro, dos pedidos, dos dados recebidos da loja e dos e-mails enviados. Isso não
              pode ser desfeito.
            </p>
            <p>
              Ficam, como exige a lei fiscal (5 anos): número, série e chave das notas fiscais, valores, datas
              e itens dos pedidos.
            </p>
          </>
        }
        confirmLabel="Anonimizar"
        onConfirm={anonymise}
      />
    </section>
  );
}
