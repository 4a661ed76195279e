// The shipping label's sender (remetente), one per organization: GET/PUT /api/v1/settings/sender.
import { useQuery } from "@tanstack/react-query";
import { api } from "../api.ts";

export interface Sender {
  name: string;
  document: string | null;
  street: string | null;
  number: string | null;
  complement: string | null;
  neighborhood: string | null;
  city: string | null;
  state: string | null;
  zipcode: string | null;
  phone: string | null;
}

export const SENDER_KEY = ["settings", "sender"] as const;

export const useSender = () =>
  useQuery({
    queryKey: SENDER_KEY,
    queryFn: ({ signal }) => api<{ sender: Sender | null }>("/api/v1/settings/sender", { signal }),
  });
