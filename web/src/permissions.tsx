// What the signed-in user may do (their role's permissions, from the session probe): the panel
// hides what a role cannot do. The API refuses it anyway (403 with a pt-BR reason).
import type { ReactNode } from "react";
import { useSession } from "./auth.tsx";

export type Permission = "read" | "operate" | "configure" | "access" | "privacy" | "webhooks";

export function useCan(permission: Permission): boolean {
  const session = useSession();
  return (session.data?.permissions as readonly string[] | undefined)?.includes(permission) ?? false;
}

/** Renders `children` only for a user whose role holds the permission (else `otherwise`). */
export function Can({
  permission,
  children,
  otherwise = null,
}: {
  permission: Permission;
  children: ReactNode;
  otherwise?: ReactNode;
}) {
  return <>{useCan(permission) ? children : otherwise}</>;
}

/** The pt-BR names of the roles and token scopes. */
export const ACCESS_LABELS: Record<string, string> = {
  admin: "Administrador",
  operator: "Operador",
  reader: "Leitura",
  webhooks: "Webhooks",
};
