import { Link } from "react-router";
import { PageHeader } from "../components/ui.tsx";

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Página não encontrada" />
      <p>
        Este endereço não existe no painel. <Link to="/">Voltar para a visão geral</Link>.
      </p>
    </>
  );
}
