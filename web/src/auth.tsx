// Sign-in: the session probe decides between the panel, the sign-in form and, on a fresh
// install opened from the server itself, the form that creates the first user.
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import type { ResponseOf } from "./api/types.ts";
import {
  ApiError,
  api,
  setOrganizationChangedHandler,
  setTabOrganization,
  setUnauthenticatedHandler,
} from "./api.ts";
import { Button, Field, Loading, Notice } from "./components/ui.tsx";
import { describeError } from "./errors-pt.ts";

type SessionReply = ResponseOf<"/api/v1/auth/session", "get">;
export type User = SessionReply["user"];

const SESSION = ["auth", "session"] as const;
/** The address parameter that says the organisation was switched in another tab. */
export const ORG_CHANGED = "organizacao_trocada";

export function useSession() {
  return useQuery({
    queryKey: SESSION,
    queryFn: async (): Promise<User | null> => {
      try {
        const { user } = await api<SessionReply>("/api/v1/auth/session");
        setTabOrganization(user.organization.id);
        return user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * Drops every screen's data, the organisations list included, keeping only the session query
 * (its observers switch screens): whoever signs in next must never see what the last one saw,
 * not even from the cache for a moment.
 */
function forgetAccountData(client: QueryClient) {
  client.removeQueries({
    predicate: (query) => !(query.queryKey[0] === SESSION[0] && query.queryKey[1] === SESSION[1]),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/v1/auth/logout", { method: "POST" }),
    onSettled: () => {
      setTabOrganization(undefined);
      forgetAccountData(client);
      client.setQueryData(SESSION, null);
    },
  });
}

/** Renders the panel only for a signed-in user. */
export function SessionGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useSession();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setTabOrganization(undefined);
      forgetAccountData(client);
      client.setQueryData(SESSION, null);
    });
    // Switched in another tab: start this one over where the session works now, saying why.
    setOrganizationChangedHandler(() => window.location.assign(`/?${ORG_CHANGED}=1`));
  }, [client]);
  if (session.isPending) return <Loading label="Verificando sessão…" />;
  if (session.isError)
    return (
      <main className="auth-page">
        <Notice kind="error">{describeError(session.error)}</Notice>
      </main>
    );
  if (!session.data) return <SignIn />;
  return <>{children}</>;
}

function SignIn() {
  const setup = useQuery({
    queryKey: ["auth", "setup"],
    queryFn: () => api<ResponseOf<"/api/v1/auth/setup", "get">>("/api/v1/auth/setup"),
  });
  if (setup.isPending) return <Loading />;
  const needsSetup = setup.data?.needsSetup ?? false;
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand" aria-hidden="true">
          Ponte
        </p>
        {needsSetup ? (
          setup.data?.allowed ? (
            <CredentialsForm
              title="Criar o primeiro usuário"
              intro="Este é o primeiro acesso ao Ponte. Crie o usuário administrador."
              submitLabel="Criar usuário e entrar"
              path="/api/v1/auth/setup"
              newPassword
            />
          ) : (
            <>
              <h1>Configuração inicial</h1>
              <Notice kind="info">
                Ainda não existe nenhum usuário. Abra o painel no próprio servidor (localhost) ou crie o
                primeiro usuário pelo terminal: <code>npx ponte user create --email voce@empresa.com.br</code>
              </Notice>
            </>
          )
        ) : (
          <CredentialsForm title="Entrar no Ponte" submitLabel="Entrar" path="/api/v1/auth/login" />
        )}
      </div>
    </main>
  );
}

function CredentialsForm({
  title,
  intro,
  submitLabel,
  path,
  newPassword = false,
}: {
  title: string;
  intro?: string;
  submitLabel: string;
  path: string;
  newPassword?: boolean;
}) {
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = useMutation({
    mutationFn: () => api<SessionReply>(path, { method: "POST", body: { email, password } }),
    onSuccess: ({ user }) => {
      setTabOrganization(user.organization.id);
      forgetAccountData(client);
      client.setQueryData(SESSION, user);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <form onSubmit={onSubmit}>
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      <Field label="E-mail">
        {(props) => (
          <input
            {...props}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field label="Senha" hint={newPassword ? "Pelo menos 10 caracteres." : undefined}>
        {(props) => (
          <input
            {...props}
            type="password"
            name="password"
            autoComplete={newPassword ? "new-password" : "current-password"}
            required
            minLength={newPassword ? 10 : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      {submit.isError ? <Notice kind="error">{describeError(submit.error)}</Notice> : null}
      <Button type="submit" variant="primary" pending={submit.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
