import { PageHeader } from "../components/ui.tsx";

export function StorePage() {
  return <PageHeader title="Loja" />;
}
