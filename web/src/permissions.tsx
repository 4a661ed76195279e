// What the signed-in user may do (their role's permissions, from the session probe): the panel
// hides what a role cannot do. The API refuses it anyway (403 with a pt-BR reason).
import type { ReactNode } from "react";
import type { Permission } from "../../src/auth/roles.ts";
import { useSession } from "./auth.tsx";

export { ACCESS_LABELS } from "../../src/auth/roles.ts";
export type { Permission };

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
