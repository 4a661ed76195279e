// The organisation the panel works in, in the top bar; a choice when the person works in more
// than one. Switching starts over on Visão geral: every screen shows the other merchant's data.
import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ORG_CHANGED, useSession } from "../auth.tsx";
import { useToast } from "../components/ui.tsx";
import { describeError } from "../errors-pt.ts";
import { useOrganizations, useSwitchOrganization } from "./organizations-api.ts";

export function OrganizationSwitcher() {
  const session = useSession();
  const orgs = useOrganizations();
  const change = useSwitchOrganization();
  const navigate = useNavigate();
  const toast = useToast();
  const current = session.data?.organization;
  const [search, setSearch] = useSearchParams();
  const changedElsewhere = search.has(ORG_CHANGED) && current !== undefined;
  useEffect(() => {
    if (!changedElsewhere) return;
    toast("info", `A organização foi trocada em outra aba: agora esta aba também está em ${current.name}.`);
    setSearch(
      (params) => {
        params.delete(ORG_CHANGED);
        return params;
      },
      { replace: true },
    );
  }, [changedElsewhere, current, toast, setSearch]);
  if (!current) return null;
  const list = orgs.data?.organizations ?? [];
  if (list.length < 2) return <span className="org-name">{current.name}</span>;
  return (
    <select
      className="org-switch"
      aria-label="Organização"
      value={current.id}
      disabled={change.isPending}
      onChange={(event) => {
        const orgId = Number(event.target.value);
        const name = list.find((o) => o.id === orgId)?.name ?? "";
        change.mutate(orgId, {
          onSuccess: () => {
            navigate("/");
            toast("success", `Agora você está em ${name}.`);
          },
          onError: (error) =>
            toast("error", `Não foi possível trocar de organização: ${describeError(error)}`),
        });
      }}
    >
      {list.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
