import { PageHeader } from "../components/ui.tsx";

export function FailuresPage() {
  return <PageHeader title="Falhas" />;
}
