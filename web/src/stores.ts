// The connected stores, shared by every screen that offers a store selector.
import { useQuery } from "@tanstack/react-query";
import { api } from "./api.ts";
import type { HealthState } from "./store-settings/connection.tsx";

export interface Store {
  id: number;
  platform: string;
  name: string;
  externalId: string;
  apiBaseUrl: string;
  importEnabled: boolean;
  importIntervalMinutes: number;
  importCursor: string | null;
  lastImportAt: string | null;
  lastWebhookAt: string | null;
  connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
  connectionMessage: string | null;
  /** The store's webhooks on its platform, registered by Ponte; `message` says it in pt-BR. */
  webhooks?: {
    state: "pending" | "registered" | "not_configured" | "failed" | "removed";
    url: string | null;
    events: string[];
    message: string;
    checkedAt: string | null;
  };
  unknownSkuPolicy: "create" | "hold";
  /** Who e-mails the customer about status changes: Ponte (default) or the platform. Never both. */
  customerEmails?: "ponte" | "platform";
  /** Where status pushes go: the platform's API (default), an XML POST or a signed JSON webhook. */
  pushChannel?: { kind: "platform" | "xml" | "webhook"; url?: string; hasSecret?: boolean };
  createdAt: string;
  /** In the answers of GET /api/v1/stores and /stores/{id}: the store's health, as on the Visão geral. */
  health?: HealthState;
}

export const STORES_KEY = ["stores"] as const;

export function useStores() {
  return useQuery({ queryKey: STORES_KEY, queryFn: () => api<Store[]>("/api/v1/stores"), staleTime: 30_000 });
}
