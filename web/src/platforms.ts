// The platforms this server connects stores of (GET /api/v1/platforms): their names, their
// connect form's fields and their status vocabulary. The panel names no platform itself.
import { useQuery } from "@tanstack/react-query";
import type { TextFieldSchema } from "../../src/platforms/fields.ts";
import { api } from "./api.ts";

/** Why a value does not fit a field, in pt-BR: the server checks the same schema the same way. */
export { fieldProblem } from "../../src/platforms/fields.ts";

export type TextField = TextFieldSchema;

export interface Platform {
  id: string;
  label: string;
  capabilities: Record<string, boolean>;
  credentials: { type: "object"; required: string[]; properties: Record<string, TextField> };
  storeId: { schema: TextField; hint: string };
  installAvailable: boolean;
  /** The server variables the app install needs; empty when the platform has no app install. */
  installSettings: string[];
  statusValues: { value: string; label: string }[];
  statusColumns: { key: string; label: string; maxLength: number }[];
}

export const PLATFORMS_KEY = ["platforms"] as const;

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
