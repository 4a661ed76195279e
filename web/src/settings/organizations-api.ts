// Organisations as the panel reads and changes them: where the signed-in person works, the switch
// between them, and a new one (admins).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "../api/types.ts";
import { api, setTabOrganization } from "../api.ts";

export type OrganizationList = ResponseOf<"/api/v1/organizations", "get">;
export type OrganizationRow = OrganizationList["organizations"][number];

const ORGS_KEY = ["auth", "organizations"] as const;

export const useOrganizations = () =>
  useQuery({
    queryKey: ORGS_KEY,
    queryFn: ({ signal }) => api<OrganizationList>("/api/v1/organizations", { signal }),
    staleTime: 60_000,
  });

/** Switches the session; every screen's data is another organisation's now, so all of it goes. */
export function useSwitchOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (orgId: number) =>
      api<OrganizationList>("/api/v1/auth/organization", { method: "PUT", body: { orgId } }),
    onSuccess: async (_list, orgId) => {
      // This tab shows the new organisation from now on (its requests say so).
      setTabOrganization(orgId);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== "auth" });
      await client.invalidateQueries({ queryKey: ["auth"] });
    },
  });
}

export function useCreateOrganization() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      api<OrganizationRow>("/api/v1/organizations", { method: "POST", body: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ORGS_KEY }),
  });
}
