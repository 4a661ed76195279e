import { PageHeader } from "../components/ui.tsx";

export function OrdersPage() {
  return <PageHeader title="Pedidos" />;
}
