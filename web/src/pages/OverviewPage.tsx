import { PageHeader } from "../components/ui.tsx";

export function OverviewPage() {
  return <PageHeader title="Visão geral" />;
}
