// The shipping label's sender (remetente), one per organization: GET/PUT /api/v1/settings/sender.
import { useQuery } from "@tanstack/react-query";
import type { ResponseOf } from "../api/types.ts";
import { api } from "../api.ts";

export type { Sender } from "../api/types.ts";

export const SENDER_KEY = ["settings", "sender"] as const;

export const useSender = () =>
  useQuery({
    queryKey: SENDER_KEY,
    queryFn: ({ signal }) =>
      api<ResponseOf<"/api/v1/settings/sender", "get">>("/api/v1/settings/sender", { signal }),
  });
