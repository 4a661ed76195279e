// The platforms this server connects stores of (GET /api/v1/platforms): their names, their
// connect form's fields and their status vocabulary. The panel names no platform itself.
import { useQuery } from "@tanstack/react-query";
import type { ResponseOf } from "./api/types.ts";
import { api } from "./api.ts";

/** Why a value does not fit a field, in pt-BR: the server checks the same schema the same way. */
export { fieldProblem } from "../../src/platforms/fields.ts";

/** A platform as GET /api/v1/platforms describes it (generated from the OpenAPI document). */
export type Platform = ResponseOf<"/api/v1/platforms", "get">[number];

const PLATFORMS_KEY = ["platforms"] as const;

export function usePlatforms() {
  return useQuery({
    queryKey: PLATFORMS_KEY,
    queryFn: () => api<Platform[]>("/api/v1/platforms"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The platform's name as people know it (its id until the list arrives). */
export function usePlatformLabel(): (id: string) => string {
  const { data } = usePlatforms();
  return (id) => data?.find((p) => p.id === id)?.label ?? id;
}

/** A platform's status value in the merchant's words (the value itself when it has none). */
export function usePlatformStatusLabel(): (platform: string | undefined, value: string | null) => string {
  const { data } = usePlatforms();
  return (platform, value) => {
    if (!value) return "—";
    const values = platform
      ? data?.find((p) => p.id === platform)?.statusValues
      : data?.flatMap((p) => p.statusValues);
    return values?.find((v) => v.value === value)?.label ?? value;
  };
}
