import { PageHeader } from "../components/ui.tsx";

export function OrderPage() {
  return <PageHeader title="Pedido" />;
}
