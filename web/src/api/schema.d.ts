// GENERATED FILE: do not edit. The panel's API types, from the OpenAPI document of the
// routes' JSON schemas (GET /api/openapi.json). Change a route's schema, then run
// `npm run gen:api` and commit this file (a test fails while it is stale).
export interface paths {
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Auditoria: every change made by a person or an API token, newest first, a keyset page at a time
         * @description Each change is recorded in its own transaction: who (user or token), when, from where (IP, user agent), the action, the entity and the changed fields before and after, secrets masked. Pass `next` back as `after` for the following page; it is null on the last one.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The start of the action: `order` finds order.invoice, order.status… */
                    action?: string;
                    /** @description Part of who: a user's e-mail or a token's name */
                    actor?: string;
                    /** @description The `next` of the previous page */
                    after?: string;
                    entityId?: string;
                    /** @description order, store, store_order, email_template, product, customer, settings, user, token */
                    entityType?: string;
                    /** @description From this day on (YYYY-MM-DD, São Paulo time) */
                    from?: string;
                    limit?: number;
                    /** @description Text anywhere: action, who, IP, entity, values before and after */
                    q?: string;
                    /** @description Up to this day, the whole day included (YYYY-MM-DD, São Paulo time) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Dotted, most general first: store.settings.update, order.invoice… */
                                action: string;
                                /** @enum {string} */
                                actorKind: "user" | "token" | "cli" | "system";
                                /** @description The user's e-mail or the token's name, as it was then */
                                actorName: string;
                                /** @description The changed fields after, and the action's input (secrets as ••••) */
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                at: string;
                                /** @description The changed fields before (secrets as ••••); null on a creation */
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                entityId: string | null;
                                /** @description The order's number, the store's name… */
                                entityLabel: string | null;
                                entityType: string;
                                id: number;
                                /** @description Where the request came from (PONTE_TRUST_PROXY decides) */
                                ip: string | null;
                                userAgent: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password; sets the session cookie
         * @description 401 invalid_credentials (unknown e-mail and wrong password alike). 429 too_many_attempts with Retry-After, `retryAfterSeconds` and a pt-BR `reason`: after 5 tries for one e-mail from one address each further try waits 30 s, doubling up to 15 minutes (forgotten an hour after the last try or at a successful sign-in); 30 failed sign-ins from one address in 15 minutes; 50 failed sign-ins for one e-mail in an hour from all addresses, after which only addresses that e-mail signed in from in the last 30 days may try. The address is the client's as PONTE_TRUST_PROXY's proxies report it. 403 csrf_rejected when the Origin or Host is not Ponte's.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                email: string;
                                id: number;
                                /** @description The organisation this session works in (GET /api/v1/organizations lists the others) */
                                organization: {
                                    id: number;
                                    name: string;
                                };
                                /** @description What the role there may do: the panel hides what is not here */
                                permissions: ("read" | "operate" | "configure" | "access" | "privacy" | "webhooks")[];
                                /**
                                 * @description Administrador, Operador or Leitura
                                 * @enum {string}
                                 */
                                role: "admin" | "operator" | "reader";
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this browser's session (server-side) and clear its cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Switch this browser session to another organisation of the signed-in person
         * @description 404 when the person has no live membership there. 403 for an API token.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orgId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The organisation this session or token works in */
                            current: number;
                            organizations: {
                                id: number;
                                name: string;
                                /**
                                 * @description The caller's role there
                                 * @enum {string}
                                 */
                                role: "admin" | "operator" | "reader";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user of this browser session (401 when none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                email: string;
                                id: number;
                                /** @description The organisation this session works in (GET /api/v1/organizations lists the others) */
                                organization: {
                                    id: number;
                                    name: string;
                                };
                                /** @description What the role there may do: the panel hides what is not here */
                                permissions: ("read" | "operate" | "configure" | "access" | "privacy" | "webhooks")[];
                                /**
                                 * @description Administrador, Operador or Leitura
                                 * @enum {string}
                                 */
                                role: "admin" | "operator" | "reader";
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the first user still has to be created, and whether this client may do it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The request comes from the machine Ponte runs on (loopback socket, not proxied) to a Host Ponte serves */
                            allowed: boolean;
                            /** @description No user exists yet */
                            needsSetup: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * First run: create the first user and sign in (only from this machine, only once)
         * @description 403 setup_forbidden when not from a loopback address or not to a Host Ponte serves (localhost, an IP address, PONTE_PUBLIC_URL's host: a DNS-rebinding page is refused); 403 csrf_rejected when the Origin is not this Host with this scheme; 409 setup_done when a user exists; 400 weak_password (10 to 256 characters).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                email: string;
                                id: number;
                                /** @description The organisation this session works in (GET /api/v1/organizations lists the others) */
                                organization: {
                                    id: number;
                                    name: string;
                                };
                                /** @description What the role there may do: the panel hides what is not here */
                                permissions: ("read" | "operate" | "configure" | "access" | "privacy" | "webhooks")[];
                                /**
                                 * @description Administrador, Operador or Leitura
                                 * @enum {string}
                                 */
                                role: "admin" | "operator" | "reader";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Clientes: customers found by name, CPF/CNPJ or e-mail, by name, a keyset page at a time
         * @description Pass `next` back as `after` for the following page; it is null on the last one.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page */
                    after?: string;
                    limit?: number;
                    /** @description One search box. A CPF/CNPJ (masked or not; alphanumeric CNPJ too): exact match; 3 to 10 digits: the start of a CPF/CNPJ; anything with an @: part of the e-mail; anything else: part of the name, ignoring case and accents (at least 2 characters) */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description CPF/CNPJ, digits and upper-case letters, unmasked */
                                document: string | null;
                                /** @enum {string|null} */
                                documentKind: "cpf" | "cnpj" | null;
                                email: string | null;
                                id: number;
                                /** @enum {string} */
                                kind: "PF" | "PJ";
                                /** Format: date-time */
                                lastOrderAt: string | null;
                                name: string;
                                /** @description Sales orders linked (deleted ones not counted) */
                                ordersCount: number;
                                phone: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Make a customer by hand (e.g. to link an order that came without CPF/CNPJ)
         * @description 400 `validation_failed` names the field (`details.field`, `details.reasonCode`, pt-BR `details.reason`): a CPF/CNPJ whose check digits do not match, an e-mail or a phone that is not one. 409 `conflict` reasonCode `document_in_use` (the other record's id in `details.customerId`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CPF or CNPJ (numeric or alphanumeric), masked or not; checked by its check digits */
                        document?: string | null;
                        email?: string | null;
                        name: string;
                        /** @description DDD and number, e.g. (11) 91234-5678 */
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description As the first order brought them (billing, delivery) */
                            addresses: {
                                city?: string | null;
                                complement?: string | null;
                                country?: string | null;
                                name?: string | null;
                                neighborhood?: string | null;
                                number?: string | null;
                                phone?: string | null;
                                state?: string | null;
                                street?: string | null;
                                zipcode?: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @description CPF/CNPJ, digits and upper-case letters, unmasked */
                            document: string | null;
                            /** @enum {string|null} */
                            documentKind: "cpf" | "cnpj" | null;
                            email: string | null;
                            /** @description Filled by the store's customer default fields (Campos Padrões de Cliente) when the customer was created */
                            extraFields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            /** @enum {string} */
                            kind: "PF" | "PJ";
                            name: string;
                            /** @description The latest 100 sales orders, newest first (ordersCount says how many there are) */
                            orders: {
                                canonicalStatus: string;
                                id: number;
                                number: number;
                                /** Format: date-time */
                                orderedAt: string;
                                status: string;
                                storeName: string | null;
                                storeOrderNumber: string | null;
                                totalCents: number;
                            }[];
                            ordersCount: number;
                            /** @description The store whose order created the record */
                            originStore: {
                                id: number;
                                name: string;
                                platform: string;
                            } | null;
                            phone: string | null;
                            /**
                             * Format: date-time
                             * @description When the customer was anonymised (LGPD): name, contacts, document and addresses removed
                             */
                            redactedAt: string | null;
                            /** @description The stores its orders came from */
                            stores: {
                                id: number;
                                name: string;
                                ordersCount: number;
                                platform: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's record: documents, contacts, addresses, default fields, orders and stores */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description As the first order brought them (billing, delivery) */
                            addresses: {
                                city?: string | null;
                                complement?: string | null;
                                country?: string | null;
                                name?: string | null;
                                neighborhood?: string | null;
                                number?: string | null;
                                phone?: string | null;
                                state?: string | null;
                                street?: string | null;
                                zipcode?: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @description CPF/CNPJ, digits and upper-case letters, unmasked */
                            document: string | null;
                            /** @enum {string|null} */
                            documentKind: "cpf" | "cnpj" | null;
                            email: string | null;
                            /** @description Filled by the store's customer default fields (Campos Padrões de Cliente) when the customer was created */
                            extraFields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            /** @enum {string} */
                            kind: "PF" | "PJ";
                            name: string;
                            /** @description The latest 100 sales orders, newest first (ordersCount says how many there are) */
                            orders: {
                                canonicalStatus: string;
                                id: number;
                                number: number;
                                /** Format: date-time */
                                orderedAt: string;
                                status: string;
                                storeName: string | null;
                                storeOrderNumber: string | null;
                                totalCents: number;
                            }[];
                            ordersCount: number;
                            /** @description The store whose order created the record */
                            originStore: {
                                id: number;
                                name: string;
                                platform: string;
                            } | null;
                            phone: string | null;
                            /**
                             * Format: date-time
                             * @description When the customer was anonymised (LGPD): name, contacts, document and addresses removed
                             */
                            redactedAt: string | null;
                            /** @description The stores its orders came from */
                            stores: {
                                id: number;
                                name: string;
                                ordersCount: number;
                                platform: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a customer: name, CPF/CNPJ, e-mail, phone
         * @description Only the fields sent change. 400 `validation_failed` names the field (`details.field`, `details.reasonCode`, pt-BR `details.reason`); the document can be corrected but not removed. 409 `conflict` reasonCode `document_in_use` when the CPF/CNPJ belongs to another customer (its id in `details.customerId`: merge the two instead), or `customer_redacted` when the customer was anonymised (LGPD).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            /** @description Only the fields sent change. The document can be corrected, not removed */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CPF or CNPJ (numeric or alphanumeric), masked or not; checked by its check digits */
                        document?: string | null;
                        email?: string | null;
                        name?: string;
                        /** @description DDD and number, e.g. (11) 91234-5678 */
                        phone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description As the first order brought them (billing, delivery) */
                            addresses: {
                                city?: string | null;
                                complement?: string | null;
                                country?: string | null;
                                name?: string | null;
                                neighborhood?: string | null;
                                number?: string | null;
                                phone?: string | null;
                                state?: string | null;
                                street?: string | null;
                                zipcode?: string | null;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** @description CPF/CNPJ, digits and upper-case letters, unmasked */
                            document: string | null;
                            /** @enum {string|null} */
                            documentKind: "cpf" | "cnpj" | null;
                            email: string | null;
                            /** @description Filled by the store's customer default fields (Campos Padrões de Cliente) when the customer was created */
                            extraFields: {
                                [key: string]: unknown;
                            };
                            id: number;
                            /** @enum {string} */
                            kind: "PF" | "PJ";
                            name: string;
                            /** @description The latest 100 sales orders, newest first (ordersCount says how many there are) */
                            orders: {
                                canonicalStatus: string;
                                id: number;
                                number: number;
                                /** Format: date-time */
                                orderedAt: string;
                                status: string;
                                storeName: string | null;
                                storeOrderNumber: string | null;
                                totalCents: number;
                            }[];
                            ordersCount: number;
                            /** @description The store whose order created the record */
                            originStore: {
                                id: number;
                                name: string;
                                platform: string;
                            } | null;
                            phone: string | null;
                            /**
                             * Format: date-time
                             * @description When the customer was anonymised (LGPD): name, contacts, document and addresses removed
                             */
                            redactedAt: string | null;
                            /** @description The stores its orders came from */
                            stores: {
                                id: number;
                                name: string;
                                ordersCount: number;
                                platform: string;
                            }[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/customers/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge another record of the same person into this one: its orders move here, it is removed
         * @description One transaction: the other record's orders move to this one (a `customer_merged` entry on each order's timeline, with who did it), this record's empty document, e-mail and phone are filled from the other, addresses and default fields are joined, and the other record is removed. 409 `conflict` reasonCode `documents_differ` when both have a CPF/CNPJ (two people), or `customer_redacted` when either was anonymised (LGPD); 400 reasonCode `same_customer`; 404 when either does not exist.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The record merged into this one, then removed */
                        otherId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer: {
                                /** @description As the first order brought them (billing, delivery) */
                                addresses: {
                                    city?: string | null;
                                    complement?: string | null;
                                    country?: string | null;
                                    name?: string | null;
                                    neighborhood?: string | null;
                                    number?: string | null;
                                    phone?: string | null;
                                    state?: string | null;
                                    street?: string | null;
                                    zipcode?: string | null;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** @description CPF/CNPJ, digits and upper-case letters, unmasked */
                                document: string | null;
                                /** @enum {string|null} */
                                documentKind: "cpf" | "cnpj" | null;
                                email: string | null;
                                /** @description Filled by the store's customer default fields (Campos Padrões de Cliente) when the customer was created */
                                extraFields: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                /** @enum {string} */
                                kind: "PF" | "PJ";
                                name: string;
                                /** @description The latest 100 sales orders, newest first (ordersCount says how many there are) */
                                orders: {
                                    canonicalStatus: string;
                                    id: number;
                                    number: number;
                                    /** Format: date-time */
                                    orderedAt: string;
                                    status: string;
                                    storeName: string | null;
                                    storeOrderNumber: string | null;
                                    totalCents: number;
                                }[];
                                ordersCount: number;
                                /** @description The store whose order created the record */
                                originStore: {
                                    id: number;
                                    name: string;
                                    platform: string;
                                } | null;
                                phone: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the customer was anonymised (LGPD): name, contacts, document and addresses removed
                                 */
                                redactedAt: string | null;
                                /** @description The stores its orders came from */
                                stores: {
                                    id: number;
                                    name: string;
                                    ordersCount: number;
                                    platform: string;
                                }[];
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            movedOrders: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/customers/{id}/privacy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer's privacy requests, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The customer record, when one was found */
                                customer: {
                                    id: number;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                doneAt: string | null;
                                error: string | null;
                                /**
                                 * Format: date-time
                                 * @description When it runs (a store's removal waits its retention period)
                                 */
                                executeAfter: string;
                                /** @description A data request's export can be downloaded (data.json) */
                                hasData: boolean;
                                id: number;
                                /**
                                 * @description data_request: the customer's data as JSON; customer_redact: the customer anonymised (fiscal records kept); store_redact: the store's data removed after its retention period
                                 * @enum {string}
                                 */
                                kind: "data_request" | "customer_redact" | "store_redact";
                                platformRequestId: string | null;
                                /** Format: date-time */
                                receivedAt: string;
                                /** @description The user, for a manual request */
                                requestedBy: string | null;
                                /**
                                 * @description The store's platform, or a user
                                 * @enum {string}
                                 */
                                source: "platform" | "manual";
                                /**
                                 * @description cancelled: a store's removal, called off because the store was connected again first
                                 * @enum {string}
                                 */
                                state: "pending" | "done" | "failed" | "cancelled";
                                store: {
                                    id: number;
                                    name: string;
                                } | null;
                                /** @description What was exported, anonymised or removed, counted per kind of record */
                                summary: {
                                    [key: string]: number;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Export a customer's data (LGPD) or anonymise the customer, by hand
         * @description Queued and carried out by a job (the answer is the pending request). The data request's JSON is then at GET /api/v1/privacy-requests/{id}/data.json. Anonymising keeps fiscal records (invoice numbers, NF-e keys, amounts, dates, items): see docs/PRIVACY.md. 409 `conflict` reasonCode `customer_redacted` when the customer was anonymised already.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "data_request" | "customer_redact";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The customer record, when one was found */
                            customer: {
                                id: number;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            doneAt: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @description When it runs (a store's removal waits its retention period)
                             */
                            executeAfter: string;
                            /** @description A data request's export can be downloaded (data.json) */
                            hasData: boolean;
                            id: number;
                            /**
                             * @description data_request: the customer's data as JSON; customer_redact: the customer anonymised (fiscal records kept); store_redact: the store's data removed after its retention period
                             * @enum {string}
                             */
                            kind: "data_request" | "customer_redact" | "store_redact";
                            platformRequestId: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** @description The user, for a manual request */
                            requestedBy: string | null;
                            /**
                             * @description The store's platform, or a user
                             * @enum {string}
                             */
                            source: "platform" | "manual";
                            /**
                             * @description cancelled: a store's removal, called off because the store was connected again first
                             * @enum {string}
                             */
                            state: "pending" | "done" | "failed" | "cancelled";
                            store: {
                                id: number;
                                name: string;
                            } | null;
                            /** @description What was exported, anonymised or removed, counted per kind of record */
                            summary: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Caixa de saída: customer e-mails, newest first
         * @description Pass `next` back as `after` for the following page; it is null on the last one.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                    salesOrderId?: number;
                    status?: "pending" | "sending" | "sent" | "failed" | "local";
                    storeId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                /** @description The status change the e-mail tells about */
                                canonicalStatus: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description The last SMTP error */
                                error: string | null;
                                id: number;
                                salesOrderId: number;
                                salesOrderNumber: number;
                                /** Format: date-time */
                                sentAt: string | null;
                                /**
                                 * @description pending (queued), sending (an attempt is on the wire), sent, failed (see error), local (no SMTP server configured: kept here only)
                                 * @enum {string}
                                 */
                                status: "pending" | "sending" | "sent" | "failed" | "local";
                                statusVersion: number;
                                storeId: number | null;
                                subject: string;
                                to: string;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer e-mail as rendered: HTML and text parts, sender, Message-ID, the server's reply */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** @description The status change the e-mail tells about */
                            canonicalStatus: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The last SMTP error */
                            error: string | null;
                            /** @description Set when an attempt was made */
                            from: string | null;
                            html: string;
                            id: number;
                            messageId: string;
                            salesOrderId: number;
                            salesOrderNumber: number;
                            /** Format: date-time */
                            sentAt: string | null;
                            smtpResponse: string | null;
                            /**
                             * @description pending (queued), sending (an attempt is on the wire), sent, failed (see error), local (no SMTP server configured: kept here only)
                             * @enum {string}
                             */
                            status: "pending" | "sending" | "sent" | "failed" | "local";
                            statusVersion: number;
                            storeId: number | null;
                            subject: string;
                            text: string;
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reenviar: send a failed customer e-mail again (attempts start over)
         * @description Only an e-mail in `failed`: it goes back to pending with its attempts at zero and is queued now (same Message-ID); the order's timeline records who asked (`email_resend`). 404 for an unknown e-mail, 409 `conflict` (details.reasonCode `email_not_failed`, details.reason in pt-BR) for one pending, sending, sent or local.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the audit trail (its current filters) as CSV, newest first
         * @description The filters of GET /api/v1/audit (no page: every row they find). Columns: Quando (dd/mm/aaaa HH:MM, São Paulo); Quem; Tipo (Usuário, Token de API, Linha de comando); De onde (IP); Ação; Entidade; Antes; Depois (the changed fields as JSON, secrets as ••••).
         */
        get: {
            parameters: {
                query?: {
                    /** @description The start of the action: `order` finds order.invoice, order.status… */
                    action?: string;
                    /** @description Part of who: a user's e-mail or a token's name */
                    actor?: string;
                    entityId?: string;
                    /** @description order, store, store_order, email_template, product, customer, settings, user, token */
                    entityType?: string;
                    /** @description From this day on (YYYY-MM-DD, São Paulo time) */
                    from?: string;
                    /** @description Text anywhere: action, who, IP, entity, values before and after */
                    q?: string;
                    /** @description Up to this day, the whole day included (YYYY-MM-DD, São Paulo time) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description auditoria-AAAA-MM-DD.csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the Pedidos list (its current filter and sort) as CSV
         * @description The query parameters of GET /api/v1/orders (no page: every order the filter finds). Columns: Pedido; Pedido na loja; Loja; Data do pedido (dd/mm/aaaa, São Paulo); Cliente; CPF/CNPJ (formatted; masked for the Leitura role); Status; Situação; Pagamento; Total (R$) with a decimal comma. 400 `validation_failed` as the list.
         */
        get: {
            parameters: {
                query?: {
                    /** @description CPF/CNPJ (11 digits, or 14 characters of an alphanumeric CNPJ; punctuation ignored): exact match. Anything else: part of the customer's name, ignoring case and accents; at least 2 characters, and 2 characters match the start of a word (`lu`: Luís, Lúcia) */
                    customer?: string;
                    /** @description Ordered at or after (the order date, `orderedAt`): ISO date (from the start of that day in America/Sao_Paulo) or date-time (without an offset, São Paulo time) */
                    from?: string;
                    /** @description Total at most, in cents */
                    maxTotal?: number;
                    /** @description Total at least, in cents */
                    minTotal?: number;
                    order?: "desc" | "asc";
                    /** @description The search box. Digits only (`160`): Ponte's number, or the store's order number, or (11 or 14 digits) the customer's CPF/CNPJ, any of them. `#160`: the store's order number only. A masked CPF/CNPJ, or an alphanumeric CNPJ with valid check digits: that document. Anything else: part of the customer's name, ignoring case and accents (at least 2 characters; 2 characters match the start of a word), and, with a digit in it, the store's order number as typed (`PED-00002`). 400 `validation_failed` naming `/q` otherwise */
                    q?: string;
                    /** @description ordered_at: by the order date (`created_at` is the same sort, its name before the order date existed). status sorts along the workflow (aguardando_pagamento … entregue, then cancelado, problemas), newest order first within a status when descending */
                    sort?: "ordered_at" | "created_at" | "status" | "total";
                    /** @description Canonical status: aguardando_pagamento, pagamento_confirmado, em_preparacao, despachado, embarcado, entregue, cancelado, problemas. Repeat the parameter or separate values with commas. */
                    status?: string[];
                    /** @description Origin store id. Repeat the parameter or separate values with commas. */
                    storeId?: string[];
                    /**
                     * @description Ordered up to (the order date, `orderedAt`): an ISO date includes that whole day (America/Sao_Paulo); a date-time is inclusive
                     * @example 2026-11-27
                     */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description pedidos-AAAA-MM-DD.csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the receivables (contas a receber) as CSV, by due date
         * @description The filters of GET /api/v1/receivables (what the Recebíveis screen shows). Columns: Pedido; Parcela; Vencimento (dd/mm/aaaa); Valor (R$); Recebido (R$); Pagamento; Status (Em aberto, Recebida em parte, Recebida, Estornada); Cliente; CPF/CNPJ (formatted; masked for the Leitura role).
         */
        get: {
            parameters: {
                query?: {
                    /** @description The customer's name (part of it) or CPF/CNPJ (masked or not, alphanumeric too) */
                    customer?: string;
                    /** @description Due on or after (inclusive) */
                    dueFrom?: string;
                    /** @description Due on or before (inclusive) */
                    dueTo?: string;
                    /** @description true: only overdue ones; false: none of them */
                    overdue?: boolean;
                    /** @description Only this sales order's */
                    salesOrderId?: number;
                    status?: "open" | "partial" | "paid" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description contas-a-receber-AAAA-MM-DD.csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the products' stock as CSV, by SKU
         * @description The filters of GET /api/v1/products. Columns: SKU; Estoque (empty when never counted); Produto; Situação (Contado, Estoque não contado); Contado em (dd/mm/aaaa). The file goes back in through the stock CSV import (extra columns are ignored).
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    uncounted?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description estoque-AAAA-MM-DD.csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Falhas: orders in error (kind=orders), jobs in error (kind=jobs), failed pushes to the stores (kind=pushes) or orders cancelled on the store with a live invoice or a shipment (kind=cancellations), newest first
         * @description `orders`: store orders whose sync is in error, with the reason (pt-BR) and the last error. `jobs`: queue jobs that gave up (`retrying: false`) or are retrying after an error (`retrying: true`). `pushes`: status pushes to the stores that failed after their last attempt (or on an error retrying cannot fix), with the last error; Reenviar with POST /api/v1/pushes/{id}/resend. `cancellations`: sales orders the store cancelled while they had a live invoice (`invoice_live`, until the estorno) or a shipment (`shipped`, until POST /api/v1/orders/{id}/store-cancellation/resolve). Pass `next` back as `after` for the next page.
         */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    kind?: "orders" | "jobs" | "pushes" | "cancellations";
                    limit?: number;
                    storeId?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                attempts: number;
                                externalId: string;
                                /** @description The technical error, as recorded when the sync failed (English) */
                                lastError: ({
                                    at?: string;
                                    code?: string;
                                    kind?: string | null;
                                    message?: string;
                                    normalizeError?: string | null;
                                } & {
                                    [key: string]: unknown;
                                }) | null;
                                number: string | null;
                                /** @description pt-BR, as the integration panel shows it */
                                reason: string | null;
                                reasonCode: components["schemas"]["ReasonCode"] | null;
                                storeId: number;
                                storeName: string;
                                storeOrderId: number;
                                /** Format: date-time */
                                updatedAt: string;
                            } | {
                                attempts: number;
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                key: string | null;
                                lastError: string;
                                maxAttempts: number;
                                payload: {
                                    [key: string]: unknown;
                                };
                                queueName: string | null;
                                /** @description true: still retrying; false: the queue gave up */
                                retrying: boolean;
                                /**
                                 * Format: date-time
                                 * @description When it runs next (for a job that gave up: when it last ran)
                                 */
                                runAt: string;
                                storeId: number | null;
                                task: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | {
                                /** @description Platform channel: pay, invoice, pack, fulfill, close or cancel; XML and webhook channels: status */
                                action: string;
                                attempts: number;
                                /** @enum {string} */
                                channel: "platform" | "xml" | "webhook";
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                failedAt: string;
                                /** @description The push (outbox row): POST /api/v1/pushes/{id}/resend */
                                id: number;
                                lastError: string | null;
                                /** @description The sales order's number */
                                orderNumber: number;
                                salesOrderId: number;
                                storeId: number;
                                storeName: string;
                                storeOrderNumber: string | null;
                                /** @description pt-BR: what the push does */
                                summary: string | null;
                            } | {
                                /** Format: date-time */
                                cancelledAt: string;
                                /** @description The live invoice to reverse */
                                invoiceId: number | null;
                                /** @enum {string} */
                                kind: "invoice_live" | "shipped";
                                /** @description pt-BR: Cancelado na loja com nota ativa / já enviado */
                                label: string;
                                orderNumber: number;
                                /** @description pt-BR: what to do */
                                reason: string;
                                /** @description The order page offers Cancelar nota (estorno) right there */
                                salesOrderId: number;
                                storeId: number;
                                storeName: string;
                                storeOrderNumber: string | null;
                            })[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/failures/orders/{storeId}/{externalId}/payload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store order's payload as the platform sent it, and why it could not be read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            normalizeError: string | null;
                            /** @description The platform's JSON, as received; null never stored */
                            raw: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/failures/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocessar in bulk: orders (a fresh sync each), jobs (run again now), pushes (Reenviar), or every order of a store in error
         * @description Orders not found, jobs not in error and pushes unknown or already sent are skipped; the counts say how many were queued.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A store id: every order of it in error */
                        allOrdersOfStore?: number;
                        jobs?: string[];
                        orders?: {
                            externalId: string;
                            storeId: number;
                        }[];
                        pushes?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobsQueued: number;
                            ordersQueued: number;
                            /** @description Present when pushes were named */
                            pushesQueued?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Carregar: the store's orders with their sync state, newest first
         * @description `attention` (default) lists only orders not synced, or synced but not confirmed (R5.1), less those dismissed by hand (Ignorar) and those older than the store's `attentionIgnoreAfterDays` (an order in error never ages out); `dismissed` lists those dismissed by hand; `all` lists every order. `attentionCount` is the attention list's size, the same number as the store's `ordersWaiting` on GET /api/v1/overview.
         */
        get: {
            parameters: {
                query?: {
                    /** @description nextCursor of the previous page */
                    after?: string;
                    limit?: number;
                    /** @description The search box. Digits only (`160`): Ponte's number, or the store's order number, or (11 or 14 digits) the customer's CPF/CNPJ, any of them. `#160`: the store's order number only. A masked CPF/CNPJ, or an alphanumeric CNPJ with valid check digits: that document. Anything else: part of the customer's name, ignoring case and accents (at least 2 characters; 2 characters match the start of a word), and, with a digit in it, the store's order number as typed (`PED-00002`). 400 `validation_failed` naming `/q` otherwise */
                    q?: string;
                    view?: "attention" | "dismissed" | "all";
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Rows on the attention list (= Visão geral's ordersWaiting for the store) */
                            attentionCount: number;
                            nextCursor: string | null;
                            orders: {
                                attempts: number;
                                cancelledOnPlatform: boolean;
                                /** @enum {string|null} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                                canUnlink: boolean;
                                /**
                                 * Format: date-time
                                 * @description When the customer ordered on the platform
                                 */
                                createdAt: string | null;
                                /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                                customerFoundByDocument: boolean;
                                customerName: string | null;
                                customerProblem: string | null;
                                customerSynced: boolean;
                                /**
                                 * Format: date-time
                                 * @description Taken off the attention list by hand (Ignorar); null when not
                                 */
                                dismissedAt: string | null;
                                dismissedBy: string | null;
                                externalId: string;
                                /**
                                 * Format: date-time
                                 * @description When the platform answered that the order no longer exists (404); null while it exists
                                 */
                                goneAt: string | null;
                                number: string | null;
                                /** @description pt-BR, shown in the panel row */
                                reason: string | null;
                                reasonCode: components["schemas"]["ReasonCode"] | null;
                                salesOrderDeleted: boolean;
                                salesOrderId: number | null;
                                salesOrderNumber: number | null;
                                salesOrderStatus: string | null;
                                statusFields: {
                                    [key: string]: string | null;
                                };
                                statusValid: boolean;
                                /**
                                 * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                                 * @enum {string|null}
                                 */
                                storeCancellation: "invoice_live" | "shipped" | null;
                                storeOrderId: number;
                                /** @description The platform status key the status table reads */
                                storeStatus: string | null;
                                /** @description Sync: a live sales order is linked */
                                synced: boolean;
                                /** @enum {string} */
                                syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                                /**
                                 * Format: date-time
                                 * @description When a sync last wrote the link; null when never synced
                                 */
                                syncUpdatedAt: string | null;
                                /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                                textCleaned: string | null;
                                totalCents: number | null;
                                /** @description pt-BR: why Mapeamento cannot be deleted now */
                                unlinkRefusal: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One store order's panel row */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            cancelledOnPlatform: boolean;
                            /** @enum {string|null} */
                            canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                            canUnlink: boolean;
                            /**
                             * Format: date-time
                             * @description When the customer ordered on the platform
                             */
                            createdAt: string | null;
                            /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                            customerFoundByDocument: boolean;
                            customerName: string | null;
                            customerProblem: string | null;
                            customerSynced: boolean;
                            /**
                             * Format: date-time
                             * @description Taken off the attention list by hand (Ignorar); null when not
                             */
                            dismissedAt: string | null;
                            dismissedBy: string | null;
                            externalId: string;
                            /**
                             * Format: date-time
                             * @description When the platform answered that the order no longer exists (404); null while it exists
                             */
                            goneAt: string | null;
                            number: string | null;
                            /** @description pt-BR, shown in the panel row */
                            reason: string | null;
                            reasonCode: components["schemas"]["ReasonCode"] | null;
                            salesOrderDeleted: boolean;
                            salesOrderId: number | null;
                            salesOrderNumber: number | null;
                            salesOrderStatus: string | null;
                            statusFields: {
                                [key: string]: string | null;
                            };
                            statusValid: boolean;
                            /**
                             * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                             * @enum {string|null}
                             */
                            storeCancellation: "invoice_live" | "shipped" | null;
                            storeOrderId: number;
                            /** @description The platform status key the status table reads */
                            storeStatus: string | null;
                            /** @description Sync: a live sales order is linked */
                            synced: boolean;
                            /** @enum {string} */
                            syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                            /**
                             * Format: date-time
                             * @description When a sync last wrote the link; null when never synced
                             */
                            syncUpdatedAt: string | null;
                            /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                            textCleaned: string | null;
                            totalCents: number | null;
                            /** @description pt-BR: why Mapeamento cannot be deleted now */
                            unlinkRefusal: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Criar: create the sales order the integration did not create, from the order as last received (no call to the platform; 409 when synced, gone from the platform or the store's import is off) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            cancelledOnPlatform: boolean;
                            /** @enum {string|null} */
                            canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                            canUnlink: boolean;
                            /**
                             * Format: date-time
                             * @description When the customer ordered on the platform
                             */
                            createdAt: string | null;
                            /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                            customerFoundByDocument: boolean;
                            customerName: string | null;
                            customerProblem: string | null;
                            customerSynced: boolean;
                            /**
                             * Format: date-time
                             * @description Taken off the attention list by hand (Ignorar); null when not
                             */
                            dismissedAt: string | null;
                            dismissedBy: string | null;
                            externalId: string;
                            /**
                             * Format: date-time
                             * @description When the platform answered that the order no longer exists (404); null while it exists
                             */
                            goneAt: string | null;
                            number: string | null;
                            /** @description pt-BR, shown in the panel row */
                            reason: string | null;
                            reasonCode: components["schemas"]["ReasonCode"] | null;
                            salesOrderDeleted: boolean;
                            salesOrderId: number | null;
                            salesOrderNumber: number | null;
                            salesOrderStatus: string | null;
                            statusFields: {
                                [key: string]: string | null;
                            };
                            statusValid: boolean;
                            /**
                             * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                             * @enum {string|null}
                             */
                            storeCancellation: "invoice_live" | "shipped" | null;
                            storeOrderId: number;
                            /** @description The platform status key the status table reads */
                            storeStatus: string | null;
                            /** @description Sync: a live sales order is linked */
                            synced: boolean;
                            /** @enum {string} */
                            syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                            /**
                             * Format: date-time
                             * @description When a sync last wrote the link; null when never synced
                             */
                            syncUpdatedAt: string | null;
                            /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                            textCleaned: string | null;
                            totalCents: number | null;
                            /** @description pt-BR: why Mapeamento cannot be deleted now */
                            unlinkRefusal: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}/dismiss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ignorar: take an order that needs no action off the attention list (recorded with who; undoable)
         * @description Nothing about the order changes (a later sync still runs); it leaves the attention list and Visão geral's count, and is listed with view=dismissed. 409 `conflict` reasonCode `already_dismissed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The store's attention list after the change */
                            attentionCount: number;
                            order: {
                                attempts: number;
                                cancelledOnPlatform: boolean;
                                /** @enum {string|null} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                                canUnlink: boolean;
                                /**
                                 * Format: date-time
                                 * @description When the customer ordered on the platform
                                 */
                                createdAt: string | null;
                                /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                                customerFoundByDocument: boolean;
                                customerName: string | null;
                                customerProblem: string | null;
                                customerSynced: boolean;
                                /**
                                 * Format: date-time
                                 * @description Taken off the attention list by hand (Ignorar); null when not
                                 */
                                dismissedAt: string | null;
                                dismissedBy: string | null;
                                externalId: string;
                                /**
                                 * Format: date-time
                                 * @description When the platform answered that the order no longer exists (404); null while it exists
                                 */
                                goneAt: string | null;
                                number: string | null;
                                /** @description pt-BR, shown in the panel row */
                                reason: string | null;
                                reasonCode: components["schemas"]["ReasonCode"] | null;
                                salesOrderDeleted: boolean;
                                salesOrderId: number | null;
                                salesOrderNumber: number | null;
                                salesOrderStatus: string | null;
                                statusFields: {
                                    [key: string]: string | null;
                                };
                                statusValid: boolean;
                                /**
                                 * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                                 * @enum {string|null}
                                 */
                                storeCancellation: "invoice_live" | "shipped" | null;
                                storeOrderId: number;
                                /** @description The platform status key the status table reads */
                                storeStatus: string | null;
                                /** @description Sync: a live sales order is linked */
                                synced: boolean;
                                /** @enum {string} */
                                syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                                /**
                                 * Format: date-time
                                 * @description When a sync last wrote the link; null when never synced
                                 */
                                syncUpdatedAt: string | null;
                                /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                                textCleaned: string | null;
                                totalCents: number | null;
                                /** @description pt-BR: why Mapeamento cannot be deleted now */
                                unlinkRefusal: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Mapeamento: delete the link; only when synced with an invalid status or its sales order was deleted (else 409) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            cancelledOnPlatform: boolean;
                            /** @enum {string|null} */
                            canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                            canUnlink: boolean;
                            /**
                             * Format: date-time
                             * @description When the customer ordered on the platform
                             */
                            createdAt: string | null;
                            /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                            customerFoundByDocument: boolean;
                            customerName: string | null;
                            customerProblem: string | null;
                            customerSynced: boolean;
                            /**
                             * Format: date-time
                             * @description Taken off the attention list by hand (Ignorar); null when not
                             */
                            dismissedAt: string | null;
                            dismissedBy: string | null;
                            externalId: string;
                            /**
                             * Format: date-time
                             * @description When the platform answered that the order no longer exists (404); null while it exists
                             */
                            goneAt: string | null;
                            number: string | null;
                            /** @description pt-BR, shown in the panel row */
                            reason: string | null;
                            reasonCode: components["schemas"]["ReasonCode"] | null;
                            salesOrderDeleted: boolean;
                            salesOrderId: number | null;
                            salesOrderNumber: number | null;
                            salesOrderStatus: string | null;
                            statusFields: {
                                [key: string]: string | null;
                            };
                            statusValid: boolean;
                            /**
                             * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                             * @enum {string|null}
                             */
                            storeCancellation: "invoice_live" | "shipped" | null;
                            storeOrderId: number;
                            /** @description The platform status key the status table reads */
                            storeStatus: string | null;
                            /** @description Sync: a live sales order is linked */
                            synced: boolean;
                            /** @enum {string} */
                            syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                            /**
                             * Format: date-time
                             * @description When a sync last wrote the link; null when never synced
                             */
                            syncUpdatedAt: string | null;
                            /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                            textCleaned: string | null;
                            totalCents: number | null;
                            /** @description pt-BR: why Mapeamento cannot be deleted now */
                            unlinkRefusal: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo Ignorar: the order goes back on the attention list (when it still needs attention)
         * @description Recorded in the order's timeline. 409 `conflict` reasonCode `not_dismissed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The store's attention list after the change */
                            attentionCount: number;
                            order: {
                                attempts: number;
                                cancelledOnPlatform: boolean;
                                /** @enum {string|null} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                                canUnlink: boolean;
                                /**
                                 * Format: date-time
                                 * @description When the customer ordered on the platform
                                 */
                                createdAt: string | null;
                                /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                                customerFoundByDocument: boolean;
                                customerName: string | null;
                                customerProblem: string | null;
                                customerSynced: boolean;
                                /**
                                 * Format: date-time
                                 * @description Taken off the attention list by hand (Ignorar); null when not
                                 */
                                dismissedAt: string | null;
                                dismissedBy: string | null;
                                externalId: string;
                                /**
                                 * Format: date-time
                                 * @description When the platform answered that the order no longer exists (404); null while it exists
                                 */
                                goneAt: string | null;
                                number: string | null;
                                /** @description pt-BR, shown in the panel row */
                                reason: string | null;
                                reasonCode: components["schemas"]["ReasonCode"] | null;
                                salesOrderDeleted: boolean;
                                salesOrderId: number | null;
                                salesOrderNumber: number | null;
                                salesOrderStatus: string | null;
                                statusFields: {
                                    [key: string]: string | null;
                                };
                                statusValid: boolean;
                                /**
                                 * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                                 * @enum {string|null}
                                 */
                                storeCancellation: "invoice_live" | "shipped" | null;
                                storeOrderId: number;
                                /** @description The platform status key the status table reads */
                                storeStatus: string | null;
                                /** @description Sync: a live sales order is linked */
                                synced: boolean;
                                /** @enum {string} */
                                syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                                /**
                                 * Format: date-time
                                 * @description When a sync last wrote the link; null when never synced
                                 */
                                syncUpdatedAt: string | null;
                                /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                                textCleaned: string | null;
                                totalCents: number | null;
                                /** @description pt-BR: why Mapeamento cannot be deleted now */
                                unlinkRefusal: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocessar: queue a fresh sync of the order (poll its row for the result)
         * @description 409 `import_disabled` (reason in pt-BR) while the store's import is off.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "queued";
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integration/{storeId}/orders/{externalId}/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Atualizar: re-read the order from the platform and update its sales order (409 when it is gone there or the store's import is off; within the panel's deadline: 502/503 `platform_unavailable` when the platform does not answer, 409 `platform_refused` when it refuses the store's access; `error.reason` in pt-BR) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            cancelledOnPlatform: boolean;
                            /** @enum {string|null} */
                            canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | null;
                            canUnlink: boolean;
                            /**
                             * Format: date-time
                             * @description When the customer ordered on the platform
                             */
                            createdAt: string | null;
                            /** @description Cliente encontrado no ERP pelo CPF/CNPJ */
                            customerFoundByDocument: boolean;
                            customerName: string | null;
                            customerProblem: string | null;
                            customerSynced: boolean;
                            /**
                             * Format: date-time
                             * @description Taken off the attention list by hand (Ignorar); null when not
                             */
                            dismissedAt: string | null;
                            dismissedBy: string | null;
                            externalId: string;
                            /**
                             * Format: date-time
                             * @description When the platform answered that the order no longer exists (404); null while it exists
                             */
                            goneAt: string | null;
                            number: string | null;
                            /** @description pt-BR, shown in the panel row */
                            reason: string | null;
                            reasonCode: components["schemas"]["ReasonCode"] | null;
                            salesOrderDeleted: boolean;
                            salesOrderId: number | null;
                            salesOrderNumber: number | null;
                            salesOrderStatus: string | null;
                            statusFields: {
                                [key: string]: string | null;
                            };
                            statusValid: boolean;
                            /**
                             * @description Cancelled on the store while its sales order had a live invoice (`invoice_live`: the estorno is the operator's) or a shipment (`shipped`); null otherwise. See GET /api/v1/failures?kind=cancellations
                             * @enum {string|null}
                             */
                            storeCancellation: "invoice_live" | "shipped" | null;
                            storeOrderId: number;
                            /** @description The platform status key the status table reads */
                            storeStatus: string | null;
                            /** @description Sync: a live sales order is linked */
                            synced: boolean;
                            /** @enum {string} */
                            syncState: "not_synced" | "pending" | "synced" | "held" | "error";
                            /**
                             * Format: date-time
                             * @description When a sync last wrote the link; null when never synced
                             */
                            syncUpdatedAt: string | null;
                            /** @description pt-BR: where U+0000 or lone surrogates were removed from the order's text to store it */
                            textCleaned: string | null;
                            totalCents: number | null;
                            /** @description pt-BR: why Mapeamento cannot be deleted now */
                            unlinkRefusal: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pedidos: sales orders searched, filtered and sorted, a keyset page at a time
         * @description Deleted sales orders are not listed. Pass `next` back as `after` for the following page; it is null on the last one.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `next` of the previous page; only valid with the same sort and order (else 400 invalid_cursor) */
                    after?: string;
                    /** @description CPF/CNPJ (11 digits, or 14 characters of an alphanumeric CNPJ; punctuation ignored): exact match. Anything else: part of the customer's name, ignoring case and accents; at least 2 characters, and 2 characters match the start of a word (`lu`: Luís, Lúcia) */
                    customer?: string;
                    /** @description Ordered at or after (the order date, `orderedAt`): ISO date (from the start of that day in America/Sao_Paulo) or date-time (without an offset, São Paulo time) */
                    from?: string;
                    limit?: number;
                    /** @description Total at most, in cents */
                    maxTotal?: number;
                    /** @description Total at least, in cents */
                    minTotal?: number;
                    order?: "desc" | "asc";
                    /** @description The search box. Digits only (`160`): Ponte's number, or the store's order number, or (11 or 14 digits) the customer's CPF/CNPJ, any of them. `#160`: the store's order number only. A masked CPF/CNPJ, or an alphanumeric CNPJ with valid check digits: that document. Anything else: part of the customer's name, ignoring case and accents (at least 2 characters; 2 characters match the start of a word), and, with a digit in it, the store's order number as typed (`PED-00002`). 400 `validation_failed` naming `/q` otherwise */
                    q?: string;
                    /** @description ordered_at: by the order date (`created_at` is the same sort, its name before the order date existed). status sorts along the workflow (aguardando_pagamento … entregue, then cancelado, problemas), newest order first within a status when descending */
                    sort?: "ordered_at" | "created_at" | "status" | "total";
                    /** @description Canonical status: aguardando_pagamento, pagamento_confirmado, em_preparacao, despachado, embarcado, entregue, cancelado, problemas. Repeat the parameter or separate values with commas. */
                    status?: string[];
                    /** @description Origin store id. Repeat the parameter or separate values with commas. */
                    storeId?: string[];
                    /**
                     * @description Ordered up to (the order date, `orderedAt`): an ISO date includes that whole day (America/Sao_Paulo); a date-time is inclusive
                     * @example 2026-11-27
                     */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /**
                                 * Format: date-time
                                 * @description When Ponte created the sales order (an order from a store: when it was imported)
                                 */
                                createdAt: string;
                                /** @description CPF/CNPJ, digits and letters, unmasked */
                                customerDocument: string | null;
                                customerName: string | null;
                                id: number;
                                /** @description Ponte's own sales-order number */
                                number: number;
                                /**
                                 * Format: date-time
                                 * @description The order date: when the customer ordered on the platform (an order made in the back office: when it was made)
                                 */
                                orderedAt: string;
                                /** @enum {string} */
                                origin: "store" | "manual";
                                originStoreId: number | null;
                                originStoreName: string | null;
                                platform: string | null;
                                /** @enum {string} */
                                status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                                /** @description The store's order number */
                                storeOrderNumber: string | null;
                                totalCents: number;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Make a sales order in the back office (balcão, telefone)
         * @description Items by SKU from Produtos (400 `validation_failed`, reasonCode `unknown_sku`, names the item); a shipped order needs `carrier` and a delivery CEP, a store pickup (`pickup`) neither. The order starts Aguardando pagamento, without a store, and runs the same lifecycle as a store's: confirm-payment, invoice (stock and receivables), shipments, status. 409 `conflict` reasonCode `customer_redacted` for an anonymised customer (LGPD). Money in integer cents: total = Σ(quantity × unitPriceCents − item discount) − discountCents + shippingCents.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier?: string;
                        /** @description `id` of a customer record, or who bought: `name` (required then) and optionally `document` (CPF/CNPJ, alphanumeric too: the record with it, or a new one), `email`, `phone` */
                        customer: {
                            document?: string;
                            email?: string;
                            id?: number;
                            name?: string;
                            phone?: string;
                        };
                        deliveryAddress?: {
                            city?: string;
                            complement?: string;
                            country?: string;
                            name?: string;
                            neighborhood?: string;
                            number?: string;
                            phone?: string;
                            state?: string;
                            street?: string;
                            zipcode?: string;
                        };
                        discountCents?: number;
                        items: {
                            discountCents?: number;
                            quantity: number;
                            sku: string;
                            unitPriceCents: number;
                        }[];
                        notes?: string;
                        payment: {
                            installments?: number;
                            /** @description pix, boleto, cartao_credito, dinheiro… */
                            type: string;
                        };
                        /** @description Retirada na loja: no carrier, delivery address nor shipping */
                        pickup?: boolean;
                        shippingCents?: number;
                        /** @description The carrier's service (PAC, SEDEX…) */
                        shippingType?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            number: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sales order's page: customer, delivery, items, payments, store data and timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                            carrier: string | null;
                            /**
                             * Format: date-time
                             * @description When Ponte created the sales order (Importado em)
                             */
                            createdAt: string;
                            /** @description The ERP customer linked by CPF/CNPJ; null when not linked (see customerSnapshot) */
                            customer: {
                                document: string | null;
                                documentKind: string | null;
                                email: string | null;
                                id: number;
                                name: string;
                                phone: string | null;
                            } | null;
                            customerId: number | null;
                            /** @description Who bought, as the store said when the order was read ({} for an order made in the back office) */
                            customerSnapshot: {
                                billingAddress?: {
                                    city?: string | null;
                                    complement?: string | null;
                                    country?: string | null;
                                    name?: string | null;
                                    neighborhood?: string | null;
                                    number?: string | null;
                                    phone?: string | null;
                                    state?: string | null;
                                    street?: string | null;
                                    zipcode?: string | null;
                                } | null;
                                document?: string | null;
                                documentKind?: string | null;
                                email?: string | null;
                                name?: string | null;
                                phone?: string | null;
                            };
                            /** Format: date-time */
                            deletedAt: string | null;
                            deliveryAddress: {
                                city?: string | null;
                                complement?: string | null;
                                country?: string | null;
                                name?: string | null;
                                neighborhood?: string | null;
                                number?: string | null;
                                phone?: string | null;
                                state?: string | null;
                                street?: string | null;
                                zipcode?: string | null;
                            } | null;
                            discountCents: number;
                            /** @description Histórico: status changes, syncs, pushes and e-mails, oldest first */
                            events: {
                                actor: string;
                                /** Format: date-time */
                                createdAt: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                kind: string;
                                message: string;
                            }[];
                            /** @description Values the platform sent that Ponte does not know: stored and flagged, never defaulted */
                            flags: {
                                field: string;
                                message: string;
                                value: string;
                            }[];
                            id: number;
                            installments: number;
                            items: {
                                name: string;
                                position: number;
                                productId: number | null;
                                quantity: number;
                                sku: string | null;
                                totalCents: number;
                                unitPriceCents: number;
                                variant: string | null;
                            }[];
                            number: number;
                            /**
                             * Format: date-time
                             * @description The order date: when the customer ordered on the platform
                             */
                            orderedAt: string;
                            /** @enum {string} */
                            origin: "store" | "manual";
                            originStore: {
                                id: number;
                                name: string;
                                platform: string;
                            } | null;
                            originStoreId: number | null;
                            paymentMethod: string | null;
                            payments: {
                                amountCents: number;
                                confirmedAt: string | null;
                                /** @description Who confirmed it by hand (bank deposit) */
                                confirmedBy: string | null;
                                gateway: string | null;
                                installments: number;
                                /** @description The platform's payment method */
                                method: string | null;
                                paidAt: string | null;
                                /** @description The platform's payment status */
                                platformStatus: string | null;
                                /** @description A payment confirmed by hand that the store does not show yet: the push marking it paid is pending, sent (the store not read since) or failed, or this store does not take it (off in Envio à loja, unsupported by the platform, an XML/webhook channel). Null when there is nothing to explain */
                                storeSync: {
                                    /** @description pt-BR, shown next to the store's payment status */
                                    message: string;
                                    /** @enum {string} */
                                    state: "pending" | "sent" | "failed" | "not_sent" | "off" | "unsupported" | "other_channel";
                                } | null;
                                /** @description ERP payment type (payment DE-PARA) */
                                type: string | null;
                            }[];
                            paymentType: string | null;
                            /** @description The buyer collects it at the store: no carrier, tracking nor label */
                            pickup: boolean;
                            shippingCents: number;
                            shippingType: string | null;
                            /** @enum {string} */
                            status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                            statusVersion: number;
                            /** @description Cancelled on the store while the order had a live invoice (cleared by the estorno, POST /api/v1/orders/{id}/invoice/cancel) or a shipment (cleared by POST /api/v1/orders/{id}/store-cancellation/resolve); null otherwise */
                            storeCancellation: {
                                /** Format: date-time */
                                cancelledAt: string;
                                /** @enum {string} */
                                kind: "invoice_live" | "shipped";
                                /** @description pt-BR, e.g. Cancelado na loja com nota ativa */
                                label: string;
                                /** @description pt-BR: what to do (the estorno, or mark it handled) */
                                reason: string;
                            } | null;
                            storeOrder: {
                                externalId: string;
                                number: string | null;
                                platformCreatedAt: string | null;
                                platformStatus: string | null;
                            } | null;
                            storeOrderId: number | null;
                            storeOrderNumber: string | null;
                            subtotalCents: number;
                            totalCents: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a sales order in the back office (kept with its history; the store order may be re-synced)
         * @description 409 `conflict` with reasonCode `invoice_live` while the order has a live invoice or simple sale: cancel it first (estorno, POST /api/v1/orders/{id}/invoice/cancel), so a re-created sales order is never invoiced twice.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/confirm-payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the payment by hand (bank deposit checked on the statement), recording who and when
         * @description Records payment_confirmed_at/_by and a `payment_confirmed` timeline entry; an order awaiting payment moves to pagamento_confirmado (with its pushes and e-mail). Invoicing needs the payment confirmed. 409 `conflict` with reasonCode `payment_already_confirmed` (who and when in details) or `sales_order_deleted`; 409 `illegal_transition` on a cancelled order.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Optional message to the customer */
                        message?: string;
                        /** @description e.g. "depósito conferido no extrato" */
                        note?: string;
                        /** @description Notificar cliente about the status change this causes. Absent: that status's default for the order's store (its e-mail templates) */
                        notifyCustomer?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The timeline's `payment_confirmed` entry */
                            eventId: number;
                            /** @description The sales order's status after the action */
                            order: {
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                id: number;
                                /** @enum {string} */
                                status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                                statusVersion: number;
                            };
                            /** Format: date-time */
                            paymentConfirmedAt: string;
                            /** @description user:<email> or token:<name> */
                            paymentConfirmedBy: string;
                            /** @description The order moved aguardando_pagamento → pagamento_confirmado */
                            statusChanged: boolean;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/customer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link an order that has no customer (no usable CPF/CNPJ came with it) to one, by hand
         * @description Recorded in the order's timeline (`customer_linked_manually`, with who did it). The order's customer data as the store sent it (customerSnapshot) is kept. 409 `conflict` reasonCode `customer_already_linked` (the linked id in `details.customerId`) or `sales_order_deleted`, or `customer_redacted` when the customer was anonymised (LGPD); 404 when the order or the customer does not exist.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerId: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId: number;
                            /** @description The timeline's customer_linked_manually entry */
                            eventId: number;
                            salesOrderId: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Invoice the order: record an approved NF-e or confirm a simple sale (stock out, receivables in)
         * @description One transaction: the invoice, one stock movement per product (stock may go negative: flagged in `negativeStock`), one receivable per installment (the total split in cents, due dates by payment type), sales status `faturado`, an `invoiced` timeline entry, and the status change it causes (aguardando_pagamento/pagamento_confirmado → em_preparacao) with its pushes and e-mail. 400 `validation_failed` names the field (`details.field`, `details.reasonCode`, pt-BR `details.reason`). 409 `illegal_transition` with reasonCode `payment_not_confirmed` or `cancelled_is_final`; 409 `already_invoiced` when a live invoice exists (also under concurrent requests: exactly one succeeds); 409 `conflict` reasonCode `access_key_in_use`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description NF-e only, required: the 44-position access key (spaces and dots ignored; positions 7–18 may be letters, alphanumeric CNPJ) */
                        accessKey?: string;
                        /**
                         * Format: date-time
                         * @description Default: now. Dates the receivables
                         */
                        issuedAt?: string;
                        /**
                         * @description NF-e issued by the fiscal emitter, or a simple sale
                         * @enum {string}
                         */
                        kind: "nfe" | "simple";
                        /** @description Optional message to the customer */
                        message?: string;
                        /** @description Notificar cliente about the status change this causes. Absent: that status's default for the order's store (its e-mail templates) */
                        notifyCustomer?: boolean;
                        /** @description NF-e: taken from the key when absent, must match it when given */
                        number?: string;
                        /** @description NF-e: taken from the key when absent, must match it when given */
                        series?: string;
                        /** @description NF-e only: http(s) link to the authorized XML */
                        xmlUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The timeline's `invoiced` entry */
                            eventId: number;
                            invoice: {
                                /** @description 44 positions, normalized (no spaces, upper case) */
                                accessKey: string | null;
                                /** Format: date-time */
                                cancelledAt: string | null;
                                cancelledBy: string | null;
                                cancelReason: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                id: number;
                                /** Format: date-time */
                                issuedAt: string;
                                /** @enum {string} */
                                kind: "nfe" | "simple";
                                number: string | null;
                                salesOrderId: number;
                                series: string | null;
                                /** @enum {string} */
                                status: "approved" | "cancelled";
                                xmlUrl: string | null;
                            };
                            /** @description Items with no product (unknown SKU): no stock moved for them */
                            itemsWithoutProduct: {
                                name: string;
                                position: number;
                                quantity: number;
                                sku: string | null;
                            }[];
                            /** @description Products this invoice left below zero: flagged, not refused */
                            negativeStock: {
                                productId: number;
                                sku: string;
                                stockAfter: number;
                            }[];
                            /** @description The sales order's status after the action */
                            order: {
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                id: number;
                                /** @enum {string} */
                                status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                                statusVersion: number;
                            };
                            receivables: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Reversed by an estorno that kept its receipts: the received amount is owed to the customer */
                                creditPending: boolean;
                                customerName: string | null;
                                /** Format: date */
                                dueDate: string;
                                id: number;
                                /** @description 1-based */
                                installment: number;
                                invoiceId: number;
                                /** @description Still owed and due before today in São Paulo */
                                overdue: boolean;
                                paymentType: string | null;
                                /** @description Undone ones too, oldest first */
                                receipts: {
                                    amountCents: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    id: number;
                                    /** @enum {string} */
                                    method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                    note: string | null;
                                    /**
                                     * Format: date
                                     * @description The day the money came in
                                     */
                                    receivedOn: string;
                                    /** Format: date-time */
                                    undoneAt: string | null;
                                    undoneBy: string | null;
                                    undoReason: string | null;
                                }[];
                                /** @description The live receipts' sum (never more than the amount) */
                                receivedCents: number;
                                /** Format: date-time */
                                reversedAt: string | null;
                                salesOrderId: number;
                                salesOrderNumber: number;
                                /**
                                 * @description open → partial → paid as receipts add up; reversed by the invoice's estorno
                                 * @enum {string}
                                 */
                                status: "open" | "partial" | "paid" | "reversed";
                            }[];
                            /** @description Invoicing moved the canonical status (→ em_preparacao) */
                            statusChanged: boolean;
                            stockMovements: {
                                actor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                invoiceId: number | null;
                                name: string;
                                /** @description Why a person moved it (CSV import: Importação CSV) */
                                note: string | null;
                                productId: number;
                                /** @description Signed: negative takes stock out */
                                quantity: number;
                                /**
                                 * @description invoice / invoice_reversal: an invoice and its estorno; initial: the first count (estoque inicial); count: contagem; damage: avaria; return: devolução
                                 * @enum {string}
                                 */
                                reason: "invoice" | "invoice_reversal" | "adjustment" | "initial" | "count" | "damage" | "return";
                                salesOrderId: number | null;
                                sku: string;
                                /** @description The product's stock right after this movement */
                                stockAfter: number | null;
                                /** @description This movement left the stock below zero */
                                wentNegative: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/invoice/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the live invoice (estorno): stock put back and receivables reversed, exactly once
         * @description The canonical status does not move (cancelling the invoice is not cancelling the order); the sales status leaves `faturado`. A new invoice is then allowed. 409 `not_invoiced` when there is no live invoice (so a second cancel reverses nothing). When its installments already received money, `receipts` says what becomes of it (`undo`: the receipts are undone; `credit`: kept, and the reversed installments record it as the customer's credit, refund pending); without it 409 `conflict` reasonCode `receipts_need_choice` (details `receipts`, `receivedCents`) and nothing changes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Motivo do estorno */
                        reason?: string;
                        /**
                         * @description What becomes of money already received on the installments (required when there is any)
                         * @enum {string}
                         */
                        receipts?: "undo" | "credit";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The timeline's `invoice_cancelled` entry */
                            eventId: number;
                            invoice: {
                                /** @description 44 positions, normalized (no spaces, upper case) */
                                accessKey: string | null;
                                /** Format: date-time */
                                cancelledAt: string | null;
                                cancelledBy: string | null;
                                cancelReason: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                id: number;
                                /** Format: date-time */
                                issuedAt: string;
                                /** @enum {string} */
                                kind: "nfe" | "simple";
                                number: string | null;
                                salesOrderId: number;
                                series: string | null;
                                /** @enum {string} */
                                status: "approved" | "cancelled";
                                xmlUrl: string | null;
                            };
                            /** @description The sales order's status after the action */
                            order: {
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                id: number;
                                /** @enum {string} */
                                status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                                statusVersion: number;
                            };
                            /** @description The receivables reversed now */
                            receivables: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Reversed by an estorno that kept its receipts: the received amount is owed to the customer */
                                creditPending: boolean;
                                customerName: string | null;
                                /** Format: date */
                                dueDate: string;
                                id: number;
                                /** @description 1-based */
                                installment: number;
                                invoiceId: number;
                                /** @description Still owed and due before today in São Paulo */
                                overdue: boolean;
                                paymentType: string | null;
                                /** @description Undone ones too, oldest first */
                                receipts: {
                                    amountCents: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    id: number;
                                    /** @enum {string} */
                                    method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                    note: string | null;
                                    /**
                                     * Format: date
                                     * @description The day the money came in
                                     */
                                    receivedOn: string;
                                    /** Format: date-time */
                                    undoneAt: string | null;
                                    undoneBy: string | null;
                                    undoReason: string | null;
                                }[];
                                /** @description The live receipts' sum (never more than the amount) */
                                receivedCents: number;
                                /** Format: date-time */
                                reversedAt: string | null;
                                salesOrderId: number;
                                salesOrderNumber: number;
                                /**
                                 * @description open → partial → paid as receipts add up; reversed by the invoice's estorno
                                 * @enum {string}
                                 */
                                status: "open" | "partial" | "paid" | "reversed";
                            }[];
                            /** @description The reversal movements (stock put back) */
                            stockMovements: {
                                actor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                invoiceId: number | null;
                                name: string;
                                /** @description Why a person moved it (CSV import: Importação CSV) */
                                note: string | null;
                                productId: number;
                                /** @description Signed: negative takes stock out */
                                quantity: number;
                                /**
                                 * @description invoice / invoice_reversal: an invoice and its estorno; initial: the first count (estoque inicial); count: contagem; damage: avaria; return: devolução
                                 * @enum {string}
                                 */
                                reason: "invoice" | "invoice_reversal" | "adjustment" | "initial" | "count" | "damage" | "return";
                                salesOrderId: number | null;
                                sku: string;
                                /** @description The product's stock right after this movement */
                                stockAfter: number | null;
                                /** @description This movement left the stock below zero */
                                wentNegative: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's invoices, live and cancelled, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description 44 positions, normalized (no spaces, upper case) */
                                accessKey: string | null;
                                /** Format: date-time */
                                cancelledAt: string | null;
                                cancelledBy: string | null;
                                cancelReason: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                id: number;
                                /** Format: date-time */
                                issuedAt: string;
                                /** @enum {string} */
                                kind: "nfe" | "simple";
                                number: string | null;
                                salesOrderId: number;
                                series: string | null;
                                /** @enum {string} */
                                status: "approved" | "cancelled";
                                xmlUrl: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/label.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The 10 × 15 cm shipping label (PDF): sender, recipient with CEP, order numbers, tracking barcode
         * @description The tracking code of the latest shipment as a Code 128 barcode (the order number when there is none yet). The sender is the address set with PUT /api/v1/settings/sender (the store's name until then). 409 `conflict` with reasonCode `no_delivery_address` or `invalid_cep`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One A6-like page, 283.46 × 425.2 pt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/pushes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pushes this sales order owes or made to its store, oldest first, with their state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            attempts: number;
                            /** @enum {string} */
                            channel: "platform" | "xml" | "webhook";
                            /** Format: date-time */
                            createdAt: string;
                            id: number;
                            lastError: string | null;
                            /** Format: date-time */
                            nextAttemptAt: string | null;
                            /** Format: date-time */
                            sentAt: string | null;
                            /** @enum {string} */
                            status: "pending" | "sent" | "failed" | "skipped";
                            statusVersion: number | null;
                            storeId: number;
                            /** @description pt-BR */
                            summary: string | null;
                        }[];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order's shipments with tracking and delivery date, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                carrier: string;
                                createdBy: string | null;
                                /** Format: date-time */
                                deliveredAt: string | null;
                                id: number;
                                salesOrderId: number;
                                /** Format: date-time */
                                shippedAt: string;
                                trackingCode: string | null;
                                trackingUrl: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Ship the order: carrier and tracking code or URL; the order moves to Despachado
         * @description The only way to Despachado; needs the payment confirmed. A tracking code or URL is required (400 `validation_failed`, field `trackingCode`) except for a store pickup (`pickup` in the order), where this records it ready for pickup. A Correios code is checked (UPU S10: 2 letters, 8 digits, check digit, country) when the carrier is Correios or the code looks like one: 400 `validation_failed` with `details.field` `trackingCode`. 409 `illegal_transition` when the order cannot move to despachado (reasonCode `payment_not_confirmed`, `same`, `backwards`, `cancelled_is_final`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @example Correios
                         * @example Jadlog
                         */
                        carrier: string;
                        /** @description Optional message to the customer */
                        message?: string;
                        /** @description Notificar cliente about the status change this causes. Absent: that status's default for the order's store (its e-mail templates) */
                        notifyCustomer?: boolean;
                        /** @description Checked as a Correios code (UPU S10, e.g. JT194690698BR) when the carrier is Correios or the code looks like one */
                        trackingCode?: string;
                        /** @description http(s) tracking link */
                        trackingUrl?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The status_changed entry (→ despachado), carrying the tracking */
                            eventId: number;
                            /** @description The sales order's status after the action */
                            order: {
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                id: number;
                                /** @enum {string} */
                                status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                                statusVersion: number;
                            };
                            shipment: {
                                carrier: string;
                                createdBy: string | null;
                                /** Format: date-time */
                                deliveredAt: string | null;
                                id: number;
                                salesOrderId: number;
                                /** Format: date-time */
                                shippedAt: string;
                                trackingCode: string | null;
                                trackingUrl: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the sales order's status (Histórico): forward only, Cancelado and Problemas from anywhere
         * @description 409 `illegal_transition` when the lifecycle forbids it: `details.reasonCode` is `same`, `backwards`, `cancelled_is_final`, `needs_shipment_form` (Despachado comes with POST /api/v1/orders/:id/shipments), `payment_not_confirmed` (Pagamento confirmado, Em preparação, Embarcado and Entregue need the payment confirmed: POST /api/v1/orders/:id/confirm-payment; no status move confirms it), `needs_shipment` (Embarcado, or Entregue of an order that is not a store pickup, before any shipment) or `invoice_live` (cancel the invoice first); `details.reason` says it in pt-BR. Entregue records the delivery date on the order and its shipments. `notifyCustomer` and `message` are recorded with the change for the customer e-mail.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Optional message to the customer */
                        message?: string;
                        /** @description Notificar cliente. Absent: the status's default for the order's store (notifyByDefault of its e-mail templates) */
                        notifyCustomer?: boolean;
                        /** @enum {string} */
                        status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                            /** @description The status_changed entry of the timeline */
                            eventId: number;
                            id: number;
                            /** @enum {string} */
                            status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                            statusVersion: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/store-cancellation/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a store-side cancellation of a shipped order as handled (the flag leaves Falhas)
         * @description For an order the store cancelled after it was shipped (`storeCancellation.kind` `shipped`), once the return is dealt with; recorded in the timeline. 409 `conflict` with reasonCode `invoice_live` when the order has a live invoice (only the estorno, POST /api/v1/orders/{id}/invoice/cancel, clears that flag) or `no_store_cancellation`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description e.g. "devolução recebida" */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The timeline's `store_cancellation_resolved` entry */
                            eventId: number;
                            /** @description The sales order's status after the action */
                            order: {
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                id: number;
                                /** @enum {string} */
                                status: "em_aberto" | "confirmado" | "cancelado" | "faturado";
                                statusVersion: number;
                            };
                            storeCancellation: null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The statuses this sales order may move to now (the status form offers only these) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: {
                                /** @description pt-BR: why it cannot be chosen yet (e.g. payment not confirmed, no shipment for Embarcado), or null */
                                blocked: string | null;
                                /**
                                 * @description shipment: asked for through POST /api/v1/orders/:id/shipments (carrier and tracking), not the status form
                                 * @enum {string}
                                 */
                                form: "status" | "shipment";
                                /** @description pt-BR */
                                label: string;
                                /** @description What the order still lacks for this status, in order: `payment` (POST /api/v1/orders/:id/confirm-payment, which the status form offers inline) and `shipment` (POST /api/v1/orders/:id/shipments; Entregue needs none for a store pickup) */
                                needs: ("payment" | "shipment")[];
                                /** @description Notificar cliente starts ticked for this status (the store's e-mail templates) */
                                notifyByDefault: boolean;
                                /** @enum {string} */
                                status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /** @description pt-BR: what the change would push to the store (its Envio à loja table, its platform's capabilities, its channel); empty: nothing */
                                storeEffects: string[];
                            }[];
                            /** @enum {string} */
                            current: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                            /**
                             * @description Who e-mails the customer when Notificar cliente is ticked: Ponte (its templates) or the store's platform; null for an order made in the back office (Ponte)
                             * @enum {string|null}
                             */
                            customerEmailsBy: "ponte" | "platform" | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisations the caller works in, and the current one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The organisation this session or token works in */
                            current: number;
                            organizations: {
                                id: number;
                                name: string;
                                /**
                                 * @description The caller's role there
                                 * @enum {string}
                                 */
                                role: "admin" | "operator" | "reader";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an organisation for another merchant; the caller becomes its admin
         * @description Its stores, orders, customers, users and tokens are its own. The caller switches to it with PUT /api/v1/auth/organization. 403 for an API token.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            name: string;
                            /**
                             * @description The caller's role there
                             * @enum {string}
                             */
                            role: "admin" | "operator" | "reader";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visão geral: per store, its health in pt-BR, last import and webhook, import lag, orders waiting, errors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            generatedAt: string;
                            stores: {
                                connectionMessage: string | null;
                                /** @enum {string} */
                                connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                                /** @description Customer e-mails that failed (GET /api/v1/emails?status=failed; POST /api/v1/emails/{id}/resend) */
                                emailsFailed: number;
                                /** @description The store's health from its access, its last platform contact, its last import attempt, its failing and retrying jobs, its last Testar conexão and its counts; the first problem that applies decides */
                                health: {
                                    /** @enum {string} */
                                    code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                    /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                    connection: string;
                                    /**
                                     * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                     * @enum {string}
                                     */
                                    connectionLevel: "ok" | "warn" | "bad";
                                    /** @enum {string} */
                                    level: "ok" | "warn" | "bad";
                                    /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                    message: string;
                                };
                                id: number;
                                importEnabled: boolean;
                                /** @description An import is part-way through its pages */
                                importInProgress: boolean;
                                importIntervalMinutes: number;
                                /** @description Seconds since the import last caught up with the platform (its last complete run); null when never imported */
                                importLagSeconds: number | null;
                                /** @description This store's jobs the queue gave up on */
                                jobsFailed: number;
                                /** @description This store's jobs that failed and will run again */
                                jobsRetrying: number;
                                /** @description The last request to the platform */
                                lastContactAt: string | null;
                                /** @description Whether the platform answered it */
                                lastContactOk: boolean | null;
                                lastImportAt: string | null;
                                lastWebhookAt: string | null;
                                name: string;
                                nextImportAt: string | null;
                                ordersInError: number;
                                /** @description The store's Integração attention list (GET /api/v1/integration/{storeId}/orders, its attentionCount): orders not synced, held, in error, or synced but not confirmed, less those dismissed by hand (Ignorar) and those older than the store's attentionIgnoreAfterDays (errors never age out) */
                                ordersWaiting: number;
                                /** @description Webhook deliveries not yet taken by a sync job */
                                pendingWebhooks: number;
                                platform: string;
                                /** @description Pushes to the store that failed (Falhas, kind=pushes; POST /api/v1/pushes/{id}/resend) */
                                pushesFailed: number;
                                /** @description Sales orders created today (America/Sao_Paulo) from this store */
                                salesOrdersToday: number;
                                /** @description Orders the store cancelled while they had a live invoice (until the estorno) or a shipment: GET /api/v1/failures?kind=cancellations */
                                storeCancellations: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platforms stores can be connected from, with what their connect form asks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description What the engine may ask of the platform */
                            capabilities: {
                                [key: string]: boolean;
                            };
                            /** @description JSON schema of `credentials` in POST /api/v1/stores */
                            credentials: {
                                additionalProperties?: boolean;
                                properties: {
                                    [key: string]: {
                                        description?: string;
                                        maxLength?: number;
                                        minLength?: number;
                                        pattern?: string;
                                        /** @description pt-BR: what the pattern asks for */
                                        patternHint?: string;
                                        title: string;
                                        /** @enum {string} */
                                        type: "string";
                                        /** @description A secret: sealed, never shown again */
                                        writeOnly?: boolean;
                                    };
                                };
                                required: string[];
                                /** @enum {string} */
                                type: "object";
                            };
                            /** @description pt-BR: what the platform e-mails the customer on its own, which Ponte cannot switch off (the store's e-mail choice shows it) */
                            customerEmailNote?: string | null;
                            /** @description The id stores carry (`platform`) and the webhook path's last part */
                            id: string;
                            /** @description The platform's app install can start here (GET /api/v1/platforms/{id}/install) */
                            installAvailable: boolean;
                            /** @description The server variables the app install needs (set them to make it available); empty when the platform has no app install */
                            installSettings: string[];
                            /** @description The install starts from the store's own site: the merchant names the store first (`storeId` of GET /api/v1/platforms/{id}/install) */
                            installStartsFromStore?: boolean;
                            label: string;
                            /** @description Extra columns of the platform's status table, kept per row in `extra` */
                            statusColumns: {
                                key: string;
                                label: string;
                                maxLength: number;
                            }[];
                            /** @description The platform's status vocabulary with pt-BR labels (status table suggestions) */
                            statusValues: {
                                label: string;
                                value: string;
                            }[];
                            /** @description The store's id on the platform (`externalId`): its schema and a pt-BR hint */
                            storeId: {
                                hint: string;
                                /** @description A JSON schema of one text field; title and description are pt-BR (label and hint) */
                                schema: {
                                    description?: string;
                                    maxLength?: number;
                                    minLength?: number;
                                    pattern?: string;
                                    /** @description pt-BR: what the pattern asks for */
                                    patternHint?: string;
                                    title: string;
                                    /** @enum {string} */
                                    type: "string";
                                    /** @description A secret: sealed, never shown again */
                                    writeOnly?: boolean;
                                };
                            };
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/{platform}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform sends the store owner back here with ?code= (the app's redirect URL), or after a key handover
         * @description Only the browser session that started the install finishes it: a state that was never issued, already used, older than 10 minutes or started in another session (or a browser with no session) answers 400 oauth_state_invalid with a pt-BR reason, and connects nothing. A platform store already connected in another organisation answers 409 conflict, reasonCode store_exists. A browser (Accept: text/html) is redirected to the panel: /lojas/:id?instalada=1, or /lojas?erro_instalacao=<reasonCode or code>.
         */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    name?: string;
                    state?: string;
                };
                header?: never;
                path: {
                    /** @description The platform's id (GET /api/v1/platforms) */
                    platform: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/{platform}/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start a platform's app install (redirects to the platform's authorize page)
         * @description Needs the panel's signed-in session: the install's state (random, single-use, valid 10 minutes) is bound to it, and only that browser session can finish the install at the callback. A platform whose install starts from the store's own site (`installStartsFromStore` in GET /api/v1/platforms) needs `storeId` (the store id as its connect form asks) and takes `apiBaseUrl` where the server allows another API base; 400 validation_failed names the field. 401 unauthenticated without a session; 403 session_required with an API token; 409 oauth_not_configured.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Another API base (simulator, tests), where allowed */
                    apiBaseUrl?: string;
                    /** @description The store's id, for an install that starts from the store */
                    storeId?: string;
                };
                header?: never;
                path: {
                    /** @description The platform's id (GET /api/v1/platforms) */
                    platform: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/{platform}/key-delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A platform delivers a store's keys for an install in progress (key handover)
         * @description Called by the platform's server, not a person: the body carries the install's state (as the platform echoes it) and the keys. Kept sealed for that install only, once, while it is live and unused; the callback then connects the store. 400 validation_failed for a body that is not a delivery or a state that is unknown, used, expired or already delivered to (the platform then drops the keys it made); 404 for a platform without a key handover.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The platform's id (GET /api/v1/platforms) */
                    platform: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Privacidade: every privacy request, the platforms' and the users', newest first (the latest 200) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description The customer record, when one was found */
                                customer: {
                                    id: number;
                                    name: string;
                                } | null;
                                /** Format: date-time */
                                doneAt: string | null;
                                error: string | null;
                                /**
                                 * Format: date-time
                                 * @description When it runs (a store's removal waits its retention period)
                                 */
                                executeAfter: string;
                                /** @description A data request's export can be downloaded (data.json) */
                                hasData: boolean;
                                id: number;
                                /**
                                 * @description data_request: the customer's data as JSON; customer_redact: the customer anonymised (fiscal records kept); store_redact: the store's data removed after its retention period
                                 * @enum {string}
                                 */
                                kind: "data_request" | "customer_redact" | "store_redact";
                                platformRequestId: string | null;
                                /** Format: date-time */
                                receivedAt: string;
                                /** @description The user, for a manual request */
                                requestedBy: string | null;
                                /**
                                 * @description The store's platform, or a user
                                 * @enum {string}
                                 */
                                source: "platform" | "manual";
                                /**
                                 * @description cancelled: a store's removal, called off because the store was connected again first
                                 * @enum {string}
                                 */
                                state: "pending" | "done" | "failed" | "cancelled";
                                store: {
                                    id: number;
                                    name: string;
                                } | null;
                                /** @description What was exported, anonymised or removed, counted per kind of record */
                                summary: {
                                    [key: string]: number;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One privacy request and its state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The customer record, when one was found */
                            customer: {
                                id: number;
                                name: string;
                            } | null;
                            /** Format: date-time */
                            doneAt: string | null;
                            error: string | null;
                            /**
                             * Format: date-time
                             * @description When it runs (a store's removal waits its retention period)
                             */
                            executeAfter: string;
                            /** @description A data request's export can be downloaded (data.json) */
                            hasData: boolean;
                            id: number;
                            /**
                             * @description data_request: the customer's data as JSON; customer_redact: the customer anonymised (fiscal records kept); store_redact: the store's data removed after its retention period
                             * @enum {string}
                             */
                            kind: "data_request" | "customer_redact" | "store_redact";
                            platformRequestId: string | null;
                            /** Format: date-time */
                            receivedAt: string;
                            /** @description The user, for a manual request */
                            requestedBy: string | null;
                            /**
                             * @description The store's platform, or a user
                             * @enum {string}
                             */
                            source: "platform" | "manual";
                            /**
                             * @description cancelled: a store's removal, called off because the store was connected again first
                             * @enum {string}
                             */
                            state: "pending" | "done" | "failed" | "cancelled";
                            store: {
                                id: number;
                                name: string;
                            } | null;
                            /** @description What was exported, anonymised or removed, counted per kind of record */
                            summary: {
                                [key: string]: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/privacy-requests/{id}/data.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A data request's export: the customer's record and orders as JSON, for the merchant to deliver
         * @description 404 until the request is done, and after the customer is anonymised (the export is erased with the rest).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Produtos: SKU, name and stock on hand (or not counted yet), by SKU, a keyset page at a time */
        get: {
            parameters: {
                query?: {
                    /** @description `next` of the previous page */
                    after?: string;
                    limit?: number;
                    /** @description Part of the SKU or of the name, any case */
                    q?: string;
                    /** @description Only the products whose stock was never counted */
                    uncounted?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description False until a person sets the stock: the panel says "Estoque não contado" */
                                counted: boolean;
                                /** Format: date-time */
                                countedAt: string | null;
                                /** @description Criado pela integração (an order's unknown SKU) */
                                createdByIntegration: boolean;
                                id: number;
                                /** Format: date-time */
                                lastMovementAt: string | null;
                                name: string;
                                sku: string;
                                /** @description Units on hand (may be negative); for a product never counted, only the sum of its movements */
                                stockQuantity: number;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product with its stock */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description False until a person sets the stock: the panel says "Estoque não contado" */
                            counted: boolean;
                            /** Format: date-time */
                            countedAt: string | null;
                            /** @description Criado pela integração (an order's unknown SKU) */
                            createdByIntegration: boolean;
                            id: number;
                            /** Format: date-time */
                            lastMovementAt: string | null;
                            name: string;
                            sku: string;
                            /** @description Units on hand (may be negative); for a product never counted, only the sum of its movements */
                            stockQuantity: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{sku}/stock-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set or adjust a product's stock: contagem (count), avaria (damage) or devolução (return)
         * @description One transaction: the product's new stock and a stock movement with who and why (`note`). A count sets the stock to `quantity` (the movement is the difference) and marks the stock counted; the first count of a product never counted is its initial stock (reason `initial`). Damage takes `quantity` out, a return puts it back (at least 1). 400 `validation_failed` with details.field `quantity`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Why (free text), kept on the movement */
                        note?: string;
                        quantity: number;
                        /**
                         * @description count (contagem; the first one is the initial stock): `quantity` is the units counted on hand. damage (avaria): `quantity` units out. return (devolução): `quantity` units back in
                         * @enum {string}
                         */
                        reason: "count" | "damage" | "return";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            movement: {
                                actor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                invoiceId: number | null;
                                name: string;
                                /** @description Why a person moved it (CSV import: Importação CSV) */
                                note: string | null;
                                productId: number;
                                /** @description Signed: negative takes stock out */
                                quantity: number;
                                /**
                                 * @description invoice / invoice_reversal: an invoice and its estorno; initial: the first count (estoque inicial); count: contagem; damage: avaria; return: devolução
                                 * @enum {string}
                                 */
                                reason: "invoice" | "invoice_reversal" | "adjustment" | "initial" | "count" | "damage" | "return";
                                salesOrderId: number | null;
                                sku: string;
                                /** @description The product's stock right after this movement */
                                stockAfter: number | null;
                                /** @description This movement left the stock below zero */
                                wentNegative: boolean;
                            };
                            product: {
                                /** @description False until a person sets the stock: the panel says "Estoque não contado" */
                                counted: boolean;
                                /** Format: date-time */
                                countedAt: string | null;
                                /** @description Criado pela integração (an order's unknown SKU) */
                                createdByIntegration: boolean;
                                id: number;
                                /** Format: date-time */
                                lastMovementAt: string | null;
                                name: string;
                                sku: string;
                                /** @description Units on hand (may be negative); for a product never counted, only the sum of its movements */
                                stockQuantity: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{sku}/stock-movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's current stock and its movements (invoices, estornos, counts, damage, returns), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description `next` of the previous page */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    sku: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                invoiceId: number | null;
                                name: string;
                                /** @description Why a person moved it (CSV import: Importação CSV) */
                                note: string | null;
                                productId: number;
                                /** @description Signed: negative takes stock out */
                                quantity: number;
                                /**
                                 * @description invoice / invoice_reversal: an invoice and its estorno; initial: the first count (estoque inicial); count: contagem; damage: avaria; return: devolução
                                 * @enum {string}
                                 */
                                reason: "invoice" | "invoice_reversal" | "adjustment" | "initial" | "count" | "damage" | "return";
                                salesOrderId: number | null;
                                sku: string;
                                /** @description The product's stock right after this movement */
                                stockAfter: number | null;
                                /** @description This movement left the stock below zero */
                                wentNegative: boolean;
                            }[];
                            next: string | null;
                            product: {
                                /** @description False until a person set the stock (Estoque não contado) */
                                counted: boolean;
                                id: number;
                                name: string;
                                sku: string;
                                /** @description Current stock (may be negative) */
                                stockQuantity: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/stock-import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a previewed stock count CSV: exactly the preview's valid lines, in one transaction
         * @description The same file and the preview's `token`. Each valid line is a count (movement reason `count`, or `initial` for a product never counted, note `Importação CSV`); lines with an error are skipped. 409 `conflict` reasonCode `preview_changed` when the file (or the products) no longer read as the preview did: preview again.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The file's text: `SKU;quantidade` a line, `;` between fields, a whole quantity (1.200 or 12,0 read; 12,5 is refused), maybe a header line first, maybe a BOM; more columns are ignored */
                        csv: string;
                        /** @description The preview's `token` */
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: number;
                            movements: {
                                actor: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                id: number;
                                invoiceId: number | null;
                                name: string;
                                /** @description Why a person moved it (CSV import: Importação CSV) */
                                note: string | null;
                                productId: number;
                                /** @description Signed: negative takes stock out */
                                quantity: number;
                                /**
                                 * @description invoice / invoice_reversal: an invoice and its estorno; initial: the first count (estoque inicial); count: contagem; damage: avaria; return: devolução
                                 * @enum {string}
                                 */
                                reason: "invoice" | "invoice_reversal" | "adjustment" | "initial" | "count" | "damage" | "return";
                                salesOrderId: number | null;
                                sku: string;
                                /** @description The product's stock right after this movement */
                                stockAfter: number | null;
                                /** @description This movement left the stock below zero */
                                wentNegative: boolean;
                            }[];
                            /** @description Lines with an error, not imported */
                            skipped: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/stock-import/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a stock count CSV (SKU;quantidade): what each line would do, or why it cannot
         * @description Writes nothing. Each line: the count it sets and the stock before, or its error (unknown SKU, not a number, a fraction, negative, the same SKU on an earlier line, no `;`). `token` names exactly the valid lines: pass it to POST /api/v1/products/stock-import.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The file's text: `SKU;quantidade` a line, `;` between fields, a whole quantity (1.200 or 12,0 read; 12,5 is refused), maybe a header line first, maybe a BOM; more columns are ignored */
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Lines with an error: not imported */
                            errors: number;
                            /** @description The first line was read as a header */
                            header: boolean;
                            lines: {
                                countedBefore: boolean | null;
                                /** @description pt-BR: what is wrong with the line */
                                error: string | null;
                                /** @description The file's line (1-based) */
                                line: number;
                                name: string | null;
                                /** @enum {string|null} */
                                problem: "empty" | "not_a_number" | "fraction" | "negative" | "too_large" | "unknown_sku" | "duplicate" | "missing_sku" | "fields" | null;
                                productId: number | null;
                                /** @description The count this line sets; null on an error line */
                                quantity: number | null;
                                quantityText: string;
                                sku: string;
                                stockBefore: number | null;
                            }[];
                            /** @description Pass back to apply exactly these lines */
                            token: string;
                            /** @description Lines that will be counted */
                            valid: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pushes/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reenviar: send a failed push to the store again (attempts start over)
         * @description The push goes back to pending with its attempts at zero and is queued now; the order's timeline records who asked. 404 for an unknown push, 409 `conflict` (details.reasonCode `push_already_sent`) for one already sent.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contas a receber: receivables by due date, earliest first, a keyset page at a time
         * @description Filters: status, overdue (still owed and due before today in São Paulo), due date range, customer (name or CPF/CNPJ), sales order. Each item carries its receipts (undone ones too).
         */
        get: {
            parameters: {
                query?: {
                    /** @description `next` of the previous page */
                    after?: string;
                    /** @description The customer's name (part of it) or CPF/CNPJ (masked or not, alphanumeric too) */
                    customer?: string;
                    /** @description Due on or after (inclusive) */
                    dueFrom?: string;
                    /** @description Due on or before (inclusive) */
                    dueTo?: string;
                    limit?: number;
                    /** @description true: only overdue ones; false: none of them */
                    overdue?: boolean;
                    /** @description Only this sales order's */
                    salesOrderId?: number;
                    status?: "open" | "partial" | "paid" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Reversed by an estorno that kept its receipts: the received amount is owed to the customer */
                                creditPending: boolean;
                                customerName: string | null;
                                /** Format: date */
                                dueDate: string;
                                id: number;
                                /** @description 1-based */
                                installment: number;
                                invoiceId: number;
                                /** @description Still owed and due before today in São Paulo */
                                overdue: boolean;
                                paymentType: string | null;
                                /** @description Undone ones too, oldest first */
                                receipts: {
                                    amountCents: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    id: number;
                                    /** @enum {string} */
                                    method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                    note: string | null;
                                    /**
                                     * Format: date
                                     * @description The day the money came in
                                     */
                                    receivedOn: string;
                                    /** Format: date-time */
                                    undoneAt: string | null;
                                    undoneBy: string | null;
                                    undoReason: string | null;
                                }[];
                                /** @description The live receipts' sum (never more than the amount) */
                                receivedCents: number;
                                /** Format: date-time */
                                reversedAt: string | null;
                                salesOrderId: number;
                                salesOrderNumber: number;
                                /**
                                 * @description open → partial → paid as receipts add up; reversed by the invoice's estorno
                                 * @enum {string}
                                 */
                                status: "open" | "partial" | "paid" | "reversed";
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivables/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One receivable with its receipts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amountCents: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Reversed by an estorno that kept its receipts: the received amount is owed to the customer */
                            creditPending: boolean;
                            customerName: string | null;
                            /** Format: date */
                            dueDate: string;
                            id: number;
                            /** @description 1-based */
                            installment: number;
                            invoiceId: number;
                            /** @description Still owed and due before today in São Paulo */
                            overdue: boolean;
                            paymentType: string | null;
                            /** @description Undone ones too, oldest first */
                            receipts: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                id: number;
                                /** @enum {string} */
                                method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                note: string | null;
                                /**
                                 * Format: date
                                 * @description The day the money came in
                                 */
                                receivedOn: string;
                                /** Format: date-time */
                                undoneAt: string | null;
                                undoneBy: string | null;
                                undoReason: string | null;
                            }[];
                            /** @description The live receipts' sum (never more than the amount) */
                            receivedCents: number;
                            /** Format: date-time */
                            reversedAt: string | null;
                            salesOrderId: number;
                            salesOrderNumber: number;
                            /**
                             * @description open → partial → paid as receipts add up; reversed by the invoice's estorno
                             * @enum {string}
                             */
                            status: "open" | "partial" | "paid" | "reversed";
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivables/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Baixa: record money received against the receivable, partially or in full
         * @description Receipts add up: open → partial → paid. 400 `validation_failed` for a date that is not one or is in the future (`details.field` `receivedOn`). 409 `conflict` with reasonCode `receipt_exceeds_open` (more than is still open; `details.remainingCents`) or `receivable_reversed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At most what is still open */
                        amountCents: number;
                        /** @enum {string} */
                        method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                        note?: string;
                        /** @description YYYY-MM-DD, not in the future */
                        receivedOn: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The order's timeline entry */
                            eventId: number;
                            receipt: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                id: number;
                                /** @enum {string} */
                                method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                note: string | null;
                                /**
                                 * Format: date
                                 * @description The day the money came in
                                 */
                                receivedOn: string;
                                /** Format: date-time */
                                undoneAt: string | null;
                                undoneBy: string | null;
                                undoReason: string | null;
                            };
                            receivable: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Reversed by an estorno that kept its receipts: the received amount is owed to the customer */
                                creditPending: boolean;
                                customerName: string | null;
                                /** Format: date */
                                dueDate: string;
                                id: number;
                                /** @description 1-based */
                                installment: number;
                                invoiceId: number;
                                /** @description Still owed and due before today in São Paulo */
                                overdue: boolean;
                                paymentType: string | null;
                                /** @description Undone ones too, oldest first */
                                receipts: {
                                    amountCents: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    id: number;
                                    /** @enum {string} */
                                    method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                    note: string | null;
                                    /**
                                     * Format: date
                                     * @description The day the money came in
                                     */
                                    receivedOn: string;
                                    /** Format: date-time */
                                    undoneAt: string | null;
                                    undoneBy: string | null;
                                    undoReason: string | null;
                                }[];
                                /** @description The live receipts' sum (never more than the amount) */
                                receivedCents: number;
                                /** Format: date-time */
                                reversedAt: string | null;
                                salesOrderId: number;
                                salesOrderNumber: number;
                                /**
                                 * @description open → partial → paid as receipts add up; reversed by the invoice's estorno
                                 * @enum {string}
                                 */
                                status: "open" | "partial" | "paid" | "reversed";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivables/{id}/receipts/{receiptId}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a receipt (entered by mistake, payment bounced, credit refunded), recording who and why
         * @description The receipt stays listed with undoneAt/undoneBy; the receivable's status follows. 409 `conflict` reasonCode `receipt_already_undone`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    receiptId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description e.g. "cheque devolvido" */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The order's timeline entry */
                            eventId: number;
                            receipt: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string;
                                id: number;
                                /** @enum {string} */
                                method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                note: string | null;
                                /**
                                 * Format: date
                                 * @description The day the money came in
                                 */
                                receivedOn: string;
                                /** Format: date-time */
                                undoneAt: string | null;
                                undoneBy: string | null;
                                undoReason: string | null;
                            };
                            receivable: {
                                amountCents: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Reversed by an estorno that kept its receipts: the received amount is owed to the customer */
                                creditPending: boolean;
                                customerName: string | null;
                                /** Format: date */
                                dueDate: string;
                                id: number;
                                /** @description 1-based */
                                installment: number;
                                invoiceId: number;
                                /** @description Still owed and due before today in São Paulo */
                                overdue: boolean;
                                paymentType: string | null;
                                /** @description Undone ones too, oldest first */
                                receipts: {
                                    amountCents: number;
                                    /** Format: date-time */
                                    createdAt: string;
                                    createdBy: string;
                                    id: number;
                                    /** @enum {string} */
                                    method: "pix" | "boleto" | "cartao_credito" | "cartao_debito" | "dinheiro" | "deposito" | "transferencia" | "outro";
                                    note: string | null;
                                    /**
                                     * Format: date
                                     * @description The day the money came in
                                     */
                                    receivedOn: string;
                                    /** Format: date-time */
                                    undoneAt: string | null;
                                    undoneBy: string | null;
                                    undoReason: string | null;
                                }[];
                                /** @description The live receipts' sum (never more than the amount) */
                                receivedCents: number;
                                /** Format: date-time */
                                reversedAt: string | null;
                                salesOrderId: number;
                                salesOrderNumber: number;
                                /**
                                 * @description open → partial → paid as receipts add up; reversed by the invoice's estorno
                                 * @enum {string}
                                 */
                                status: "open" | "partial" | "paid" | "reversed";
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receivables/totals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals of the filtered receivables per month of the due date: due, received, open, overdue */
        get: {
            parameters: {
                query?: {
                    /** @description The customer's name (part of it) or CPF/CNPJ (masked or not, alphanumeric too) */
                    customer?: string;
                    /** @description Due on or after (inclusive) */
                    dueFrom?: string;
                    /** @description Due on or before (inclusive) */
                    dueTo?: string;
                    /** @description true: only overdue ones; false: none of them */
                    overdue?: boolean;
                    /** @description Only this sales order's */
                    salesOrderId?: number;
                    status?: "open" | "partial" | "paid" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            periods: {
                                /** @description Kept by estornos as the customers' credit */
                                creditPendingCents: number;
                                /** @description Sum of the live installments */
                                dueCents: number;
                                /** @description Still to receive */
                                openCents: number;
                                /** @description The part of openCents past due */
                                overdueCents: number;
                                /** @description YYYY-MM of the due date */
                                period: string;
                                receivedCents: number;
                            }[];
                            total: {
                                /** @description Kept by estornos as the customers' credit */
                                creditPendingCents: number;
                                /** @description Sum of the live installments */
                                dueCents: number;
                                /** @description Still to receive */
                                openCents: number;
                                /** @description The part of openCents past due */
                                overdueCents: number;
                                receivedCents: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings/sender": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipping label's sender (remetente); null until set */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sender: {
                                city: string | null;
                                complement: string | null;
                                /** @description CPF/CNPJ (checked), shown on the label */
                                document: string | null;
                                name: string;
                                neighborhood: string | null;
                                number: string | null;
                                phone: string | null;
                                /** @description UF, e.g. SP */
                                state: string | null;
                                street: string | null;
                                /** @description CEP: 8 digits, with or without the dash */
                                zipcode: string | null;
                            } | null;
                        };
                    };
                };
            };
        };
        /**
         * Set the shipping label's sender: name, CPF/CNPJ, address with CEP
         * @description 400 `validation_failed` names the field (CEP of 8 digits, UF of two letters, a valid CPF/CNPJ).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        city?: string | null;
                        complement?: string | null;
                        /** @description CPF/CNPJ (checked), shown on the label */
                        document?: string | null;
                        name: string;
                        neighborhood?: string | null;
                        number?: string | null;
                        phone?: string | null;
                        /** @description UF, e.g. SP */
                        state?: string | null;
                        street?: string | null;
                        /** @description CEP: 8 digits, with or without the dash */
                        zipcode?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string | null;
                            complement: string | null;
                            /** @description CPF/CNPJ (checked), shown on the label */
                            document: string | null;
                            name: string;
                            neighborhood: string | null;
                            number: string | null;
                            phone: string | null;
                            /** @description UF, e.g. SP */
                            state: string | null;
                            street: string | null;
                            /** @description CEP: 8 digits, with or without the dash */
                            zipcode: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Connected stores */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        /**
         * Connect a store with its store id and credentials (private app)
         * @description 201: the store is connected. `externalId` and `credentials` are checked against the platform's schemas (GET /api/v1/platforms): 400 `validation_failed` with a pt-BR `reason` and `fields` naming each field at fault. `accessToken` is a shorthand for `credentials: {accessToken}`. A platform store Ponte already has (connected, refused or disconnected) is never taken over: 409 `conflict` with reasonCode `store_exists`, `storeId` and a pt-BR `reason`, unless `reconnect` is true — then its credentials are replaced (its API address too, when given), a disconnected or uninstalled store comes back, and the answer is 200 (404 when there is no such store to reconnect). `apiBaseUrl` other than the platform's API answers 400 with reasonCode `api_base_refused` unless the server allows it (PONTE_ALLOW_API_OVERRIDE: simulators and tests only).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Shorthand for credentials {accessToken} (platforms whose credentials are one token) */
                        accessToken?: string;
                        /**
                         * Format: uri
                         * @description The platform's API base URL. Empty (or the platform's own) means the platform's API, the only host the store's token is sent to; another address answers 400 `api_base_refused` unless PONTE_ALLOW_API_OVERRIDE allows it (`loopback`: this machine's addresses; `any`), for simulators and tests only. PATCH null: back to the platform's API.
                         */
                        apiBaseUrl?: string;
                        /** @description The platform's credential fields (its `credentials` schema) */
                        credentials?: {
                            [key: string]: string;
                        };
                        externalId: string;
                        name: string;
                        /** @description A platform id from GET /api/v1/platforms (400 for another) */
                        platform: string;
                        /** @description true: replace the credentials of the store Ponte already has for this platform store id (Trocar o token de acesso, Conectar a loja de novo) */
                        reconnect?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One store (never its credentials) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a store's name, import on/off, import interval (minutes), API base URL, unknown-SKU policy or who e-mails the customer
         * @description importEnabled (Importar pedidos) switches the store's whole process: off, webhook notices are still stored but nothing syncs, imports, status refreshes and pushes to the store wait, and Importar agora, Criar, Atualizar and Reprocessar answer 409 `import_disabled`; on again, the waiting notices, syncs and pushes go through and an import runs. unknownSkuPolicy: `create` (default) registers an item's unknown SKU as a product flagged "criado pela integração", its stock not counted yet; `hold` keeps the order out until the product exists. negativeStockPolicy: what an invoice that would leave a counted product below zero does: `allow` (quietly), `warn` (default: flagged in the invoice's `negativeStock` and its timeline entry) or `block` (409 `conflict` reasonCode `negative_stock_blocked`, the SKUs in details.skus and in the pt-BR reason). customerEmails: `ponte` (default) sends the status e-mails itself (templates in /email-templates); `platform` leaves them to the store platform (pushes set its notify flags) and Ponte sends none. pushChannel: `{kind:"platform"}` (default), `{kind:"xml", url}` or `{kind:"webhook", url, secret?, rotateSecret?}`; the URL must be https and reach only public addresses (400 `unsafe_url` with details.reason otherwise). A webhook secret Ponte generates comes back once, in `webhookSecret`; changing the URL keeps the secret.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description The platform's API base URL. Empty (or the platform's own) means the platform's API, the only host the store's token is sent to; another address answers 400 `api_base_refused` unless PONTE_ALLOW_API_OVERRIDE allows it (`loopback`: this machine's addresses; `any`), for simulators and tests only. PATCH null: back to the platform's API.
                         */
                        apiBaseUrl?: string | null;
                        /** @description Ignorar após N dias: orders older than this leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                        attentionIgnoreAfterDays?: number | null;
                        /** @enum {string} */
                        customerEmails?: "ponte" | "platform";
                        importEnabled?: boolean;
                        importIntervalMinutes?: number;
                        name?: string;
                        /** @enum {string} */
                        negativeStockPolicy?: "allow" | "warn" | "block";
                        pushChannel?: {
                            /** @enum {string} */
                            kind: "platform" | "xml" | "webhook";
                            /** @description webhook: generate a new secret (shown once) */
                            rotateSecret?: boolean;
                            /** @description webhook: your own signing secret (else one is generated and shown once) */
                            secret?: string;
                            /** @description xml and webhook: https only */
                            url?: string;
                        };
                        /** @enum {string} */
                        unknownSkuPolicy?: "create" | "hold";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/stores/{id}/customer-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store's customer default fields: field = JSONata expression over the order, in order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                /** @description JSONata over the normalized order, e.g. `true` or `billingAddress.state = "MT"` */
                                expression: string;
                                /** @description Customer extra field to fill */
                                field: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Replace the store's customer default fields: field = JSONata expression over the order, in order (the whole table, in one transaction) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            /** @description JSONata over the normalized order, e.g. `true` or `billingAddress.state = "MT"` */
                            expression: string;
                            /** @description Customer extra field to fill */
                            field: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                /** @description JSONata over the normalized order, e.g. `true` or `billingAddress.state = "MT"` */
                                expression: string;
                                /** @description Customer extra field to fill */
                                field: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Desconectar loja: remove Ponte's webhooks from the platform, turn the import off and forget the credentials
         * @description The store's orders and sales orders are kept. Removing the webhooks is best effort: when the platform cannot be reached the store is disconnected anyway and `webhooks.message` says so in pt-BR (deliveries that still arrive are ignored). Connecting the same platform store again, with a token or OAuth, brings it back. Disconnecting a disconnected store changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Where the store's platform API is called (its token goes nowhere else): the platform's own, or an address PONTE_ALLOW_API_OVERRIDE allows */
                            apiBaseUrl: string;
                            /** @description Ignorar após N dias: older orders leave Integração's attention list and Visão geral's count (errors never do); null: they stay */
                            attentionIgnoreAfterDays: number | null;
                            connectionMessage: string | null;
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description Who e-mails the customer about status changes: Ponte (default) or the platform
                             * @enum {string}
                             */
                            customerEmails: "ponte" | "platform";
                            externalId: string;
                            /** @description GET only: the store's health, as on /api/v1/overview */
                            health?: {
                                /** @enum {string} */
                                code: "ok" | "uninstalled" | "disconnected" | "credentials_refused" | "suspended" | "unreachable" | "import_failing" | "failures" | "emails_failed" | "jobs_retrying" | "test_failed" | "import_off" | "import_late" | "orders_waiting";
                                /** @description pt-BR, for a badge: "Conectada", "Sem contato"… */
                                connection: string;
                                /**
                                 * @description How the connection itself is (ok for Conectada, whatever else is wrong)
                                 * @enum {string}
                                 */
                                connectionLevel: "ok" | "warn" | "bad";
                                /** @enum {string} */
                                level: "ok" | "warn" | "bad";
                                /** @description pt-BR: what is wrong and what to do; "Tudo em dia." when nothing */
                                message: string;
                            };
                            id: number;
                            importCursor: string | null;
                            importEnabled: boolean;
                            importIntervalMinutes: number;
                            /** Format: date-time */
                            lastImportAt: string | null;
                            /** Format: date-time */
                            lastWebhookAt: string | null;
                            name: string;
                            /**
                             * @description An invoice that would leave a counted product below zero: allow, warn (default; flagged in `negativeStock`) or block (409)
                             * @enum {string}
                             */
                            negativeStockPolicy: "allow" | "warn" | "block";
                            platform: string;
                            /** @description Where status pushes go (docs/PUSH.md): the platform's API (default), an XML POST or a signed JSON webhook. Never the secret. */
                            pushChannel: {
                                /** @description webhook only: always true */
                                hasSecret?: boolean;
                                /** @enum {string} */
                                kind: "platform" | "xml" | "webhook";
                                /** @description xml and webhook only */
                                url?: string;
                            };
                            /** @enum {string} */
                            unknownSkuPolicy: "create" | "hold";
                            /** @description The store's webhooks on its platform, registered by Ponte at PONTE_PUBLIC_URL + /webhooks/<platform> (https only) when the store connects and on Testar conexão */
                            webhooks: {
                                /** Format: date-time */
                                checkedAt: string | null;
                                events: string[];
                                /** @description pt-BR: what it means and what to do */
                                message: string;
                                /**
                                 * @description pending: not registered yet; registered: `events` arrive at `url`; not_configured: no public https address, only the scheduled import brings orders; failed: see `message`; removed: the store was disconnected
                                 * @enum {string}
                                 */
                                state: "pending" | "registered" | "not_configured" | "failed" | "removed";
                                url: string | null;
                            };
                            /** @description Only in the answer of the PATCH that generated the webhook's signing secret: shown this once, never again */
                            webhookSecret?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/email-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The store's customer e-mail template for every status (its own or the default)
         * @description customerEmails says who e-mails the customer (PATCH /api/v1/stores/:id changes it): with `platform` these templates are not used. Variables: store.name; order.number (Ponte), order.store_number, order.status (label), order.status_code, order.date, order.items (name, variant, sku, quantity, unit_price, total), order.subtotal / discount / shipping / total (formatted R$ 1.234,56; *_cents as integers); customer.name, customer.email, customer.document (masked CPF/CNPJ); shipment.carrier / tracking_code / tracking_url (latest shipment, or empty); invoice.kind / key / number / series (or empty); message (the operator's). Includes and layouts are not available.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            customerEmails: "ponte" | "platform";
                            templates: {
                                /** @description true: the store's own; false: the built-in default */
                                custom: boolean;
                                /** @description Liquid; every {{ output }} is HTML-escaped (`| raw` opts out) */
                                html: string;
                                /** @description pt-BR */
                                label: string;
                                /** @description Notificar cliente starts ticked for this status */
                                notifyByDefault: boolean;
                                /** @enum {string} */
                                status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /** @description Liquid; rendered as one line */
                                subject: string;
                                /** @description Liquid; the plain-text part, nothing escaped */
                                text: string;
                                /** Format: date-time */
                                updatedAt: string | null;
                                updatedBy: string | null;
                            }[];
                            variables: {
                                /** @description pt-BR */
                                description: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/email-templates/{status}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save the store's own e-mail template and Notificar cliente default for one status
         * @description Validated before it is saved: each part must parse and render on a sample order within its output limit (subject 1000 characters, html and text 256000), else 400 `template_invalid` with `field` (subject, html or text), `fields` and a pt-BR `reason` (`reasonCode: output_too_large` and `limit` past the limit). A status change whose template renders past the limit on its order sends the default template instead. The next e-mail for this status uses it. 413 past 1 MiB of body. Variables: store.name; order.number (Ponte), order.store_number, order.status (label), order.status_code, order.date, order.items (name, variant, sku, quantity, unit_price, total), order.subtotal / discount / shipping / total (formatted R$ 1.234,56; *_cents as integers); customer.name, customer.email, customer.document (masked CPF/CNPJ); shipment.carrier / tracking_code / tracking_url (latest shipment, or empty); invoice.kind / key / number / series (or empty); message (the operator's). Includes and layouts are not available.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        html: string;
                        notifyByDefault: boolean;
                        subject: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description true: the store's own; false: the built-in default */
                            custom: boolean;
                            /** @description Liquid; every {{ output }} is HTML-escaped (`| raw` opts out) */
                            html: string;
                            /** @description pt-BR */
                            label: string;
                            /** @description Notificar cliente starts ticked for this status */
                            notifyByDefault: boolean;
                            /** @enum {string} */
                            status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                            /** @description Liquid; rendered as one line */
                            subject: string;
                            /** @description Liquid; the plain-text part, nothing escaped */
                            text: string;
                            /** Format: date-time */
                            updatedAt: string | null;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Drop the store's own template for one status: the default applies again */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description true: the store's own; false: the built-in default */
                            custom: boolean;
                            /** @description Liquid; every {{ output }} is HTML-escaped (`| raw` opts out) */
                            html: string;
                            /** @description pt-BR */
                            label: string;
                            /** @description Notificar cliente starts ticked for this status */
                            notifyByDefault: boolean;
                            /** @enum {string} */
                            status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                            /** @description Liquid; rendered as one line */
                            subject: string;
                            /** @description Liquid; the plain-text part, nothing escaped */
                            text: string;
                            /** Format: date-time */
                            updatedAt: string | null;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/email-templates/{status}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Render the template (saved, or the draft sent) on a real order; nothing is saved or sent
         * @description The order is `salesOrderId`, else the store's latest; a store with no order yet renders on a sample order. Parts left out of the body come from the saved template. 400 `template_invalid` as in PUT, also when a part renders past its output limit on this order.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    status: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        html?: string;
                        /** @description A sample operator message */
                        message?: string;
                        salesOrderId?: number;
                        subject?: string;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            html: string;
                            /** @description null: no order yet, the sample order was used */
                            salesOrderId: number | null;
                            subject: string;
                            text: string;
                            /** @description The customer's address on that order */
                            to: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an import now (orders changed since the store's cursor)
         * @description 202: the import is queued (it runs in the worker; the store's health on /overview tells how it went). Answered at once, not queued, when it cannot work: 409 `conflict` with reasonCode `import_disabled` while the store's import (Importar pedidos) is off; 409 `platform_refused` while the platform refuses the store's access (credentials, suspension, uninstall); when the store's last request to its platform failed, the platform is asked once more within the panel's deadline (8 s) and a failure answers 502/503 `platform_unavailable`. `error.reason` says why in pt-BR, naming the store.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "queued";
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store's orders as received (raw payloads are not included) */
        get: {
            parameters: {
                query?: {
                    afterId?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cancelled?: boolean;
                            customerName?: string | null;
                            externalId?: string;
                            flags?: {
                                field: string;
                                message: string;
                                value: string;
                            }[];
                            id?: number;
                            normalizeError?: string | null;
                            number?: string | null;
                            platformStatus?: string | null;
                            platformUpdatedAt?: string | null;
                            totalCents?: number | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/payment-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store's payment table: platform value → payment type and installments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                /** @default null */
                                installments: number | null;
                                paymentType: string;
                                platformValue: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Replace the store's payment table: platform value → payment type and installments (the whole table, in one transaction) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            /** @default null */
                            installments?: number | null;
                            paymentType: string;
                            platformValue: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                /** @default null */
                                installments: number | null;
                                paymentType: string;
                                platformValue: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview: what Ponte would do with this raw platform order payload, writing nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            /** @description The order as the platform's API returns it */
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "create" | "update" | "hold" | "error" | "none";
                            customer: {
                                customerId: number | null;
                                defaultFieldErrors: {
                                    field: string;
                                    message: string;
                                }[];
                                /** @description The customer default fields it would be created with */
                                defaultFields: {
                                    [key: string]: unknown;
                                };
                                /** @description Found by CPF/CNPJ, would be created, or cannot be (no valid document) */
                                match: ("found" | "create" | "none") | null;
                                problem: string | null;
                            };
                            /** @description pt-BR: why this action */
                            explanation: string;
                            /** @description SKUs it would register as new products */
                            newSkus: string[];
                            /** @description The order as Ponte reads it (the canonical order); null when the payload could not be read */
                            normalized: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Why the payload could not be read */
                            normalizeError: string | null;
                            reasonCode: components["schemas"]["ReasonCode"] | null;
                            salesOrder: {
                                canonicalStatus: ("aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas") | null;
                                carrier: string | null;
                                existingNumber: number | null;
                                flags: {
                                    field: string;
                                    message: string;
                                    value: string;
                                }[];
                                installments: number | null;
                                paymentType: string | null;
                                shippingType: string | null;
                                status: ("em_aberto" | "confirmado" | "cancelado" | "faturado") | null;
                            };
                            /** @description How the store's status table reads the order's status: `mapped` (to `canonical`, and whether that row creates the order), `unmapped` (no row lists `key`), `waiting` (no row lists it, and the platform says it is not final: the order waits), `inactive` (only an inactive row lists it). Null when the payload could not be read. */
                            status: {
                                /** @enum {string} */
                                canonical: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                createsOrder: boolean;
                                /** @enum {string} */
                                kind: "mapped";
                            } | {
                                key: string;
                                /** @enum {string} */
                                kind: "unmapped";
                            } | {
                                key: string;
                                /** @enum {string} */
                                kind: "waiting";
                            } | {
                                /** @enum {string} */
                                canonical: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /** @enum {string} */
                                kind: "inactive";
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/preview/recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a real order of the store (the one named, or the newest), writing nothing
         * @description The order as last received, through the same preview as `POST /api/v1/stores/:id/preview`, plus `order` (which one) and `customerDefaults`: the customer default fields evaluated on it — the saved ones, or `customerDefaults` from the body (unsaved drafts). List recent orders with `GET /api/v1/integration/:storeId/orders?view=all`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerDefaults?: {
                            expression: string;
                            field: string;
                        }[];
                        externalId?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "create" | "update" | "hold" | "error" | "none";
                            customer: {
                                customerId: number | null;
                                defaultFieldErrors: {
                                    field: string;
                                    message: string;
                                }[];
                                /** @description The customer default fields it would be created with */
                                defaultFields: {
                                    [key: string]: unknown;
                                };
                                /** @description Found by CPF/CNPJ, would be created, or cannot be (no valid document) */
                                match: ("found" | "create" | "none") | null;
                                problem: string | null;
                            };
                            customerDefaults: {
                                /** @description Evaluated with the expressions sent (unsaved), not the saved ones */
                                draft: boolean;
                                errors: {
                                    field: string;
                                    message: string;
                                }[];
                                fields: {
                                    [key: string]: unknown;
                                };
                            };
                            /** @description pt-BR: why this action */
                            explanation: string;
                            /** @description SKUs it would register as new products */
                            newSkus: string[];
                            /** @description The order as Ponte reads it (the canonical order); null when the payload could not be read */
                            normalized: {
                                [key: string]: unknown;
                            } | null;
                            /** @description Why the payload could not be read */
                            normalizeError: string | null;
                            order: {
                                /** Format: date-time */
                                createdAt: string | null;
                                customerName: string | null;
                                externalId: string;
                                number: string | null;
                                storeOrderId: number;
                            };
                            reasonCode: components["schemas"]["ReasonCode"] | null;
                            salesOrder: {
                                canonicalStatus: ("aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas") | null;
                                carrier: string | null;
                                existingNumber: number | null;
                                flags: {
                                    field: string;
                                    message: string;
                                    value: string;
                                }[];
                                installments: number | null;
                                paymentType: string | null;
                                shippingType: string | null;
                                status: ("em_aberto" | "confirmado" | "cancelado" | "faturado") | null;
                            };
                            /** @description How the store's status table reads the order's status: `mapped` (to `canonical`, and whether that row creates the order), `unmapped` (no row lists `key`), `waiting` (no row lists it, and the platform says it is not final: the order waits), `inactive` (only an inactive row lists it). Null when the payload could not be read. */
                            status: {
                                /** @enum {string} */
                                canonical: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                createsOrder: boolean;
                                /** @enum {string} */
                                kind: "mapped";
                            } | {
                                key: string;
                                /** @enum {string} */
                                kind: "unmapped";
                            } | {
                                key: string;
                                /** @enum {string} */
                                kind: "waiting";
                            } | {
                                /** @enum {string} */
                                canonical: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /** @enum {string} */
                                kind: "inactive";
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/push-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Envio à loja: the platform actions each back-office change pushes to this store
         * @description One row per trigger: each canonical status the order moves to, and `faturado` (an invoice approved). Actions: `pay` (a payment confirmed by hand, listed under pagamento_confirmado), `invoice` (the NF-e), `pack`, `fulfill` (with the tracking), `close`, `cancel`. Rows not customized show the platform's default. Only the platform channel uses this table; a status whose row in the status table is not Ativo pushes nothing.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                actions: ("pay" | "invoice" | "pack" | "fulfill" | "deliver" | "close" | "cancel")[];
                                /** @description false: the platform's default */
                                custom: boolean;
                                /** @description pt-BR */
                                label: string;
                                /** @description The status row's Ativo (an inactive status pushes nothing); null for faturado */
                                statusActive: boolean | null;
                                /** @enum {string} */
                                trigger: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | "faturado";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Replace the Envio à loja table: rows sent are kept as given, triggers left out go back to the default
         * @description 400 `validation_failed` lists every problem (`details.details[]`, with the field at fault).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            actions: string[];
                            trigger: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                actions: ("pay" | "invoice" | "pack" | "fulfill" | "deliver" | "close" | "cancel")[];
                                /** @description false: the platform's default */
                                custom: boolean;
                                /** @description pt-BR */
                                label: string;
                                /** @description The status row's Ativo (an inactive status pushes nothing); null for faturado */
                                statusActive: boolean | null;
                                /** @enum {string} */
                                trigger: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas" | "faturado";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/shipping-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store's shipping table: platform value → carrier and shipping type */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                carrier: string;
                                platformValue: string;
                                /** @default null */
                                shippingType: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Replace the store's shipping table: platform value → carrier and shipping type (the whole table, in one transaction) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            carrier: string;
                            platformValue: string;
                            /** @default null */
                            shippingType?: string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                carrier: string;
                                platformValue: string;
                                /** @default null */
                                shippingType: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/status-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store's status table (DE-PARA): exactly one row per canonical status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                /** @description Ativo */
                                active: boolean;
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /** @description Processa inclusão: creates a sales order */
                                createsOrder: boolean;
                                /** @description Values of the extra columns the store's platform declares for its status table (GET /api/v1/platforms, statusColumns), by key; absent when empty. Another key answers 400 unknown_column */
                                extra?: {
                                    [key: string]: string;
                                };
                                /** @description Status keys the platform sends; each maps to one canonical status only */
                                platformValues: string[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        /** Replace the store's status table (DE-PARA): exactly one row per canonical status (the whole table, in one transaction) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        rows: {
                            /** @description Ativo */
                            active: boolean;
                            /** @description One of: aguardando_pagamento, pagamento_confirmado, em_preparacao, despachado, embarcado, entregue, cancelado, problemas */
                            canonicalStatus: string;
                            /** @description Processa inclusão: creates a sales order */
                            createsOrder: boolean;
                            /** @description Values of the extra columns the store's platform declares for its status table (GET /api/v1/platforms, statusColumns), by key; absent when empty. Another key answers 400 unknown_column */
                            extra?: {
                                [key: string]: string;
                            };
                            /** @description Status keys the platform sends; each maps to one canonical status only */
                            platformValues: string[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: {
                                /** @description Ativo */
                                active: boolean;
                                /** @enum {string} */
                                canonicalStatus: "aguardando_pagamento" | "pagamento_confirmado" | "em_preparacao" | "despachado" | "embarcado" | "entregue" | "cancelado" | "problemas";
                                /** @description Processa inclusão: creates a sales order */
                                createsOrder: boolean;
                                /** @description Values of the extra columns the store's platform declares for its status table (GET /api/v1/platforms, statusColumns), by key; absent when empty. Another key answers 400 unknown_column */
                                extra?: {
                                    [key: string]: string;
                                };
                                /** @description Status keys the platform sends; each maps to one canonical status only */
                                platformValues: string[];
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                details?: {
                                    /** @description e.g. rows[3].platformValues[0] */
                                    field?: string;
                                    message?: string;
                                    message_pt?: string;
                                    problem?: string;
                                }[];
                                message?: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stores/{id}/test-connection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Testar conexão: call the platform and say what works (credentials, orders, webhooks registered again)
         * @description A platform that answers and refuses (401 token, 402 suspended, 403 scope, 404 store id) is a check with `ok: false` and a pt-BR message; `ok` is true when every required check passed. A platform that does not answer a required check within the panel's deadline (8 s for the whole test: down, too slow, connection refused, 5xx, rate limited) answers 502/503 `platform_unavailable` with a pt-BR `reason` naming the store, and the `checks` so far. A refused token marks the store `invalid_credentials`; a token accepted again clears that mark. The feed check (platforms with an order feed; required) makes sure the feed exists as Ponte needs it — created or repaired — without reading it. The webhooks check (not required) makes the platform's webhook list match what Ponte needs, as on connect, and records the outcome in the store's `webhooks`. The outcome is kept for the store's health.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks: {
                                /** @enum {string} */
                                key: "credentials" | "permissions" | "orders" | "customers" | "feed" | "webhooks";
                                /** @description pt-BR */
                                message: string;
                                ok: boolean;
                                /** @description false: the store imports without it */
                                required: boolean;
                            }[];
                            /** @enum {string} */
                            connectionState: "ok" | "invalid_credentials" | "suspended" | "uninstalled" | "disconnected";
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API tokens: live ones first, then revoked and expired ones (never the secret) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                /**
                                 * @description A role, or `webhooks`: only the stores' list and Testar conexão (which re-registers webhooks)
                                 * @enum {string}
                                 */
                                access: "admin" | "operator" | "reader" | "webhooks";
                                /** Format: date-time */
                                createdAt: string;
                                /** @description user:<e-mail>, token:<name> or cli */
                                createdBy: string | null;
                                /** Format: date-time */
                                expiresAt: string | null;
                                id: number;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                name: string;
                                /** @description The token's first characters, to tell it apart */
                                prefix: string;
                                /** Format: date-time */
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Make an API token with a role or scope and an optional expiry; the secret is in this answer only
         * @description Send it as `Authorization: Bearer <token>`. 409 conflict when a live token has that name.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        access: "admin" | "operator" | "reader" | "webhooks";
                        expiresInDays?: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Shown once: Ponte keeps only its hash */
                            secret: string;
                            token: {
                                /**
                                 * @description A role, or `webhooks`: only the stores' list and Testar conexão (which re-registers webhooks)
                                 * @enum {string}
                                 */
                                access: "admin" | "operator" | "reader" | "webhooks";
                                /** Format: date-time */
                                createdAt: string;
                                /** @description user:<e-mail>, token:<name> or cli */
                                createdBy: string | null;
                                /** Format: date-time */
                                expiresAt: string | null;
                                id: number;
                                /** Format: date-time */
                                lastUsedAt: string | null;
                                name: string;
                                /** @description The token's first characters, to tell it apart */
                                prefix: string;
                                /** Format: date-time */
                                revokedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token: it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A role, or `webhooks`: only the stores' list and Testar conexão (which re-registers webhooks)
                             * @enum {string}
                             */
                            access: "admin" | "operator" | "reader" | "webhooks";
                            /** Format: date-time */
                            createdAt: string;
                            /** @description user:<e-mail>, token:<name> or cli */
                            createdBy: string | null;
                            /** Format: date-time */
                            expiresAt: string | null;
                            id: number;
                            /** Format: date-time */
                            lastUsedAt: string | null;
                            name: string;
                            /** @description The token's first characters, to tell it apart */
                            prefix: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usuários: every user with role, whether disabled, and last sign-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Cannot sign in; their sessions were ended */
                                disabled: boolean;
                                email: string;
                                id: number;
                                /**
                                 * Format: date-time
                                 * @description When they last signed in to, or switched to, this organisation
                                 */
                                lastLoginAt: string | null;
                                /** @enum {string} */
                                role: "admin" | "operator" | "reader";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a user with an initial password and a role
         * @description The admin tells the person their password; they sign in with it. 400 weak_password (10 to 256 characters) or validation_failed (e-mail); 409 conflict reasonCode `email_in_use`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "operator" | "reader";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Cannot sign in; their sessions were ended */
                            disabled: boolean;
                            email: string;
                            id: number;
                            /**
                             * Format: date-time
                             * @description When they last signed in to, or switched to, this organisation
                             */
                            lastLoginAt: string | null;
                            /** @enum {string} */
                            role: "admin" | "operator" | "reader";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user: they can no longer sign in and their sessions end
         * @description 409 conflict reasonCode `last_admin` or `own_account`; 404 when there is no such user.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a user's role, or disable / enable them (disabling ends their sessions)
         * @description 409 conflict reasonCode `last_admin` when no enabled admin would remain, `own_account` when you disable yourself; 404 when there is no such user.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        /** @enum {string} */
                        role?: "admin" | "operator" | "reader";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** @description Cannot sign in; their sessions were ended */
                            disabled: boolean;
                            email: string;
                            id: number;
                            /**
                             * Format: date-time
                             * @description When they last signed in to, or switched to, this organisation
                             */
                            lastLoginAt: string | null;
                            /** @enum {string} */
                            role: "admin" | "operator" | "reader";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                                reason?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database and the job queue are reachable */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database?: string;
                            queue?: string;
                            reason?: string;
                            /** @enum {string} */
                            status: "ready" | "unavailable";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database?: string;
                            queue?: string;
                            reason?: string;
                            /** @enum {string} */
                            status: "ready" | "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{platform}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A platform's webhook, signed as the platform signs it
         * @description Answers 200 only once the delivery is stored in the inbox (503 when the database is down; 413 past 64 KiB; 404 for a platform Ponte does not know). The signature is checked on the raw bytes, in the platform's own signature header, before anything else. Order events are then read from the platform and synced in batches per store by the workers; app lifecycle events update the store; privacy (LGPD) events are recorded as privacy requests and carried out by a job (a store's removal after PONTE_STORE_REDACT_AFTER_DAYS).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The platform's id (GET /api/v1/platforms) */
                    platform: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status?: "accepted" | "duplicate" | "ignored";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: {
                                code?: string;
                                message?: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        ReasonCode: "sync_failed" | "not_synced" | "payload_unreadable" | "sales_order_deleted" | "status_unmapped" | "status_waiting" | "status_inactive" | "status_not_creating" | "unknown_sku" | "already_synced" | "unlink_not_allowed" | "gone_on_platform" | "import_disabled" | "already_dismissed" | "not_dismissed" | "same" | "backwards" | "cancelled_is_final" | "needs_shipment_form" | "needs_shipment" | "invoice_live" | "payment_not_confirmed" | "payment_already_confirmed" | "already_invoiced" | "not_invoiced" | "access_key_in_use" | "no_store_cancellation" | "document_in_use" | "last_admin" | "own_account" | "email_in_use" | "documents_differ" | "customer_already_linked" | "same_customer" | "customer_redacted" | "no_delivery_address" | "invalid_cep" | "negative_stock_blocked" | "preview_changed" | "receivable_reversed" | "receipt_exceeds_open" | "receipt_already_undone" | "receipts_need_choice" | "missing" | "masked" | "bad_format" | "bad_length" | "bad_characters" | "repeated_digits" | "bad_check_digit" | "bad_check_digits" | "bad_uf" | "bad_month" | "bad_model" | "bad_emission_type" | "bad_date" | "future" | "key_mismatch" | "not_allowed" | "bad_url" | "organization_changed" | "store_exists" | "store_disconnected" | "store_unavailable" | "api_base_refused" | "push_already_sent" | "invalid_url" | "scheme" | "credentials" | "port" | "address" | "unresolvable" | "email_not_failed" | "output_too_large" | "platform_sends" | "no_address";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
