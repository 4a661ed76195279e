// A choice of role (or token scope) by its pt-BR name: the users' table, Adicionar usuário and
// Criar token all use it.
import type { SelectHTMLAttributes } from "react";
import type { TokenAccess } from "../../../src/auth/roles.ts";
import { ACCESS_LABELS } from "../permissions.tsx";

export function AccessSelect<T extends TokenAccess>({
  options,
  value,
  onPick,
  ...props
}: { options: readonly T[]; value: T; onPick: (value: T) => void } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "value" | "onChange"
>) {
  return (
    <select {...props} value={value} onChange={(e) => onPick(e.target.value as T)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {ACCESS_LABELS[o]}
        </option>
      ))}
    </select>
  );
}
