// Usuários and API tokens as Configurações reads and changes them (admins only).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RequestOf, ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";

export type UserRow = ResponseOf<"/api/v1/users", "get">["users"][number];
export type NewUser = RequestOf<"/api/v1/users", "post">;
export type UserChange = RequestOf<"/api/v1/users/{id}", "patch">;
export type TokenRow = ResponseOf<"/api/v1/tokens", "get">["tokens"][number];
export type NewToken = RequestOf<"/api/v1/tokens", "post">;
type MadeToken = ResponseOf<"/api/v1/tokens", "post", 201>;

const USERS_KEY = ["access", "users"] as const;
const TOKENS_KEY = ["access", "tokens"] as const;

export const useUsers = () =>
  useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => api<{ users: UserRow[] }>("/api/v1/users", { signal }),
  });

export const useTokens = () =>
  useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => api<{ tokens: TokenRow[] }>("/api/v1/tokens", { signal }),
  });

export function useUserActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: USERS_KEY });
  return {
    create: useMutation({
      mutationFn: (body: NewUser) => api<UserRow>("/api/v1/users", { method: "POST", body }),
      onSuccess: refresh,
    }),
    change: useMutation({
      mutationFn: ({ id, ...body }: UserChange & { id: number }) =>
        api<UserRow>(`/api/v1/users/${id}`, { method: "PATCH", body }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => api<void>(`/api/v1/users/${id}`, { method: "DELETE" }),
      onSettled: refresh,
    }),
  };
}

export function useTokenActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: TOKENS_KEY });
  return {
    create: useMutation({
      mutationFn: (body: NewToken) => api<MadeToken>("/api/v1/tokens", { method: "POST", body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: number) => api<TokenRow>(`/api/v1/tokens/${id}`, { method: "DELETE" }),
      onSettled: refresh,
    }),
  };
}
