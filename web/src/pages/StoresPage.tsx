import { PageHeader } from "../components/ui.tsx";

export function StoresPage() {
  return <PageHeader title="Lojas" />;
}
