// Named views of the generated API types (schema.d.ts, `npm run gen:api`): the panel's
// request and response types come from the routes' own schemas, never from a copy.
import type { paths } from "./schema.d.ts";

type Method = "get" | "post" | "put" | "delete" | "patch";
type JsonOf<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON body a route answers with `status` (200 unless told). */
export type ResponseOf<P extends keyof paths, M extends Method, S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;

/** The JSON body a route takes. */
export type RequestOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : never;

/** The shipping label's sender (remetente). */
export type Sender = ResponseOf<"/api/v1/settings/sender", "put">;
