// A new access token for a store whose token the platform refuses, or for a disconnected store:
// reconnecting the same platform store (POST /stores with reconnect: true) replaces its
// credentials, keeps its API address and resumes the import. Without reconnect the API refuses a
// store it already has (409), so a connection never takes an existing store over by accident.
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api.ts";
import { Button, Field, Notice, useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import type { Store } from "../stores.ts";
import { useRefreshStores } from "./store-api.ts";

export function ReconnectForm({ store }: { store: Store }) {
  const toast = useToast();
  const refresh = useRefreshStores();
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const reconnect = useMutation({
    mutationFn: () =>
      api<Store>("/api/v1/stores", {
        method: "POST",
        body: {
          platform: store.platform,
          name: store.name,
          externalId: store.externalId,
          accessToken: token.trim(),
          reconnect: true,
        },
      }),
    onSuccess: (updated) => {
      refresh(updated);
      setToken("");
      toast("success", "Token de acesso trocado. Use “Testar conexão” para confirmar.");
    },
  });
  const disconnected = store.connectionState === "disconnected";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim().length < 8) {
      setProblem("O token de acesso tem pelo menos 8 caracteres.");
      return;
    }
    setProblem(undefined);
    reconnect.mutate();
  };
  return (
    <details
      className="card disclosure"
      open={store.connectionState === "invalid_credentials" || disconnected || undefined}
    >
      <summary>{disconnected ? "Conectar a loja de novo" : "Trocar o token de acesso"}</summary>
      <form onSubmit={submit} noValidate>
        <p className="muted small">
          Quando a plataforma recusa o token (loja reinstalada, token revogado), cole aqui um token novo da
          mesma loja ({store.externalId}). O token fica guardado criptografado e nunca é mostrado de novo.
        </p>
        <Field label="Novo token de acesso" error={problem}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          )}
        </Field>
        {reconnect.isError ? <Notice kind="error">{describeError(reconnect.error)}</Notice> : null}
        <Button type="submit" pending={reconnect.isPending}>
          Trocar token
        </Button>
      </form>
    </details>
  );
}
