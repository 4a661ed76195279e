// The panel's frame: sign-in gate, navigation, and one route per screen.
import { NavLink, Route, Routes } from "react-router";
import { SessionGate, useLogout, useSession } from "./auth.tsx";
import { Button, ToastProvider } from "./components/ui.tsx";
import { AuditPage } from "./pages/AuditPage.tsx";
import { CustomerPage } from "./pages/CustomerPage.tsx";
import { CustomersPage } from "./pages/CustomersPage.tsx";
import { FailuresPage } from "./pages/FailuresPage.tsx";
import { IntegrationPage } from "./pages/IntegrationPage.tsx";
import { NewOrderPage } from "./pages/NewOrderPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { OrderPage } from "./pages/OrderPage.tsx";
import { OrdersPage } from "./pages/OrdersPage.tsx";
import { EmailPage, OutboxPage } from "./pages/OutboxPage.tsx";
import { OverviewPage } from "./pages/OverviewPage.tsx";
import { ProductsPage } from "./pages/ProductsPage.tsx";
import { ReceivablesPage } from "./pages/ReceivablesPage.tsx";
import { SettingsPage } from "./pages/SettingsPage.tsx";
import { StorePage } from "./pages/StorePage.tsx";
import { StoresPage } from "./pages/StoresPage.tsx";
import { ACCESS_LABELS, type Permission, useCan } from "./permissions.tsx";
import { OrganizationSwitcher } from "./settings/OrganizationSwitcher.tsx";

const sections: { to: string; label: string; end?: boolean; needs?: Permission }[] = [
  { to: "/", label: "Visão geral", end: true },
  { to: "/integracao", label: "Integração" },
  { to: "/pedidos", label: "Pedidos" },
  { to: "/clientes", label: "Clientes" },
  { to: "/produtos", label: "Produtos" },
  { to: "/recebiveis", label: "Recebíveis" },
  { to: "/lojas", label: "Lojas" },
  { to: "/caixa-de-saida", label: "Caixa de saída" },
  { to: "/falhas", label: "Falhas" },
  { to: "/auditoria", label: "Auditoria", needs: "access" },
  { to: "/configuracoes", label: "Configurações" },
];

export function App() {
  return (
    <ToastProvider>
      <a className="skip-link" href="#conteudo">
        Pular para o conteúdo
      </a>
      <SessionGate>
        <Shell />
      </SessionGate>
    </ToastProvider>
  );
}

function Shell() {
  const session = useSession();
  const can: Partial<Record<Permission, boolean>> = { access: useCan("access") };
  const logout = useLogout();
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">Ponte</span>
        <nav aria-label="Seções do painel">
          <ul>
            {sections
              .filter((s) => !s.needs || can[s.needs])
              .map((s) => (
                <li key={s.to}>
                  <NavLink to={s.to} end={s.end}>
                    {s.label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="user">
          <OrganizationSwitcher />
          <span className="user-email">{session.data?.email}</span>
          {session.data ? <span className="badge">{ACCESS_LABELS[session.data.role]}</span> : null}
          <Button variant="ghost" pending={logout.isPending} onClick={() => logout.mutate()}>
            Sair
          </Button>
        </div>
      </header>
      <main id="conteudo" className="content" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<OverviewPage />} />
          <Route path="/integracao" element={<IntegrationPage />} />
          <Route path="/pedidos" element={<OrdersPage />} />
          <Route path="/pedidos/novo" element={<NewOrderPage />} />
          <Route path="/pedidos/:id" element={<OrderPage />} />
          <Route path="/clientes" element={<CustomersPage />} />
          <Route path="/clientes/:id" element={<CustomerPage />} />
          <Route path="/produtos" element={<ProductsPage />} />
          <Route path="/recebiveis" element={<ReceivablesPage />} />
          <Route path="/lojas" element={<StoresPage />} />
          <Route path="/lojas/:id" element={<StorePage />} />
          <Route path="/caixa-de-saida" element={<OutboxPage />} />
          <Route path="/caixa-de-saida/:id" element={<EmailPage />} />
          <Route path="/falhas" element={<FailuresPage />} />
          <Route path="/auditoria" element={<AuditPage />} />
          <Route path="/configuracoes" element={<SettingsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </div>
  );
}
