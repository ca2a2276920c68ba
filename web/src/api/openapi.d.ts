// Generated from the server's OpenAPI document by `npm run docs:api`; do not edit.

export interface paths {
    "/api/v1/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scans the credential can see, newest first, with their gate verdict, what they changed and what each scanner did: a project’s scan and gate history. Page with `cursor` = the previous answer’s `next`. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    branch?: string;
                    verdict?: "pass" | "warn" | "fail";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scans: {
                                id: number;
                                project: string;
                                branch: string;
                                commit: string | null;
                                pipeline: string | null;
                                stage: string | null;
                                /** @description false for diff scans (--changed-since), which close nothing */
                                complete: boolean;
                                /** @description gatehouse, sarif:<tool>, cyclonedx, spdx */
                                source: string;
                                receivedAt: string;
                                uploadedBy: string | null;
                                gate: {
                                    /** @description the verdict the pipeline reported; null for uploads without one */
                                    verdict: string | null;
                                    policyVersion: string | null;
                                };
                                counts: {
                                    findings: number;
                                    new: number;
                                    reopened: number;
                                    fixed: number;
                                };
                                scanners: {
                                    name: string;
                                    status: string;
                                    findings: number;
                                }[];
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a scan: a Gatehouse JSON report, SARIF 2.1.0 from any tool, or a CycloneDX / SPDX SBOM (gzip accepted). The same report twice is one scan. */
        post: {
            parameters: {
                query: {
                    project: string;
                    branch?: string;
                    commit?: string;
                    repository?: string;
                    pipeline?: string;
                    stage?: string;
                    complete?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the report; Content-Encoding: gzip accepted */
            requestBody: {
                content: {
                    "application/json": unknown;
                    "application/sarif+json": unknown;
                    "application/vnd.cyclonedx+json": unknown;
                    "application/spdx+json": unknown;
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scan: {
                                id: number;
                                project: string;
                                url: string;
                                duplicate: boolean;
                                findings: number;
                                new: number;
                                reopened: number;
                                fixed: number;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/scans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One uploaded scan: where it came from, what each scanner did, what it changed and its gate verdict. */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            scan: {
                                id: number;
                                project: string;
                                branch: string;
                                commit: string | null;
                                repository: string | null;
                                pipeline: string | null;
                                stage: string | null;
                                /** @description false for diff scans (--changed-since), which close nothing */
                                complete: boolean;
                                /** @description gatehouse, sarif:<tool>, cyclonedx, spdx */
                                source: string;
                                toolVersion: string | null;
                                startedAt: string | null;
                                finishedAt: string | null;
                                receivedAt: string;
                                uploadedBy: string | null;
                                gate: {
                                    verdict: string | null;
                                    policyVersion: string | null;
                                };
                                counts: {
                                    findings: number;
                                    new: number;
                                    reopened: number;
                                    fixed: number;
                                };
                                scanners: {
                                    name: string;
                                    status: string;
                                    findings: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/gate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gate decision for a project’s branch (default: that of its latest scan) or commit: over every finding present on the branch (or seen by the commit’s scans), open high and critical findings fail, so do findings past their SLA; approved exceptions and triage decisions count. `scanId` is the latest scan considered. */
        get: {
            parameters: {
                query: {
                    project: string;
                    branch?: string;
                    commit?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            verdict: "pass" | "warn" | "fail";
                            scanId: number | null;
                            reasons: {
                                rule: string;
                                message: string;
                                findings: number;
                            }[];
                            counts: {
                                findings: number;
                                blocking: number;
                                overdue: number;
                                warning: number;
                                excepted: number;
                                falsePositive: number;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects the credential can see, with their tier, owner team, open findings by severity and the time of the last scan. */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    team?: string;
                    tier?: "critical" | "high" | "medium" | "low";
                    limit?: number;
                    after?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            projects: {
                                id: number;
                                name: string;
                                repository: string | null;
                                defaultBranch: string | null;
                                /**
                                 * @description criticality tier: picks the SLA days (GET /sla-policy)
                                 * @enum {string}
                                 */
                                tier: "critical" | "high" | "medium" | "low";
                                /** @description the owner team */
                                team: {
                                    id: number;
                                    name: string;
                                } | null;
                                open: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info: number;
                                };
                                lastScanAt: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/projects/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One project: its settings (tier, owner team, repository, default branch), open findings by severity and the time of the last scan. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            project: {
                                id: number;
                                name: string;
                                repository: string | null;
                                defaultBranch: string | null;
                                /**
                                 * @description criticality tier: picks the SLA days (GET /sla-policy)
                                 * @enum {string}
                                 */
                                tier: "critical" | "high" | "medium" | "low";
                                /** @description the owner team */
                                team: {
                                    id: number;
                                    name: string;
                                } | null;
                                open: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info: number;
                                };
                                lastScanAt: string | null;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
        /** Change a project's tier, owner team, repository or default branch (credentials of every project only). A new tier moves the due dates of its open, confirmed and in-progress findings to the tier's SLA days, in the same transaction. */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        tier?: "critical" | "high" | "medium" | "low";
                        /** @description the owner team; null: none */
                        teamId?: number | null;
                        repository?: string | null;
                        defaultBranch?: string | null;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            project: {
                                id: number;
                                name: string;
                                repository: string | null;
                                defaultBranch: string | null;
                                /**
                                 * @description criticality tier: picks the SLA days (GET /sla-policy)
                                 * @enum {string}
                                 */
                                tier: "critical" | "high" | "medium" | "low";
                                /** @description the owner team */
                                team: {
                                    id: number;
                                    name: string;
                                } | null;
                                open: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info: number;
                                };
                                lastScanAt: string | null;
                            };
                            /** @description open findings whose due date the change moved */
                            dueDatesMoved: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams by name with how many projects each owns; a project-scoped credential sees only its project’s team. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            teams: {
                                id: number;
                                name: string;
                                createdAt: string;
                                /** @description projects the team owns (that the credential can see) */
                                projects: number;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a team (names are unique). Give it projects with PATCH /projects/{name}. */
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
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            team: {
                                id: number;
                                name: string;
                                createdAt: string;
                                /** @description projects the team owns (that the credential can see) */
                                projects: number;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a team that owns no project and that no exception names (409 otherwise: move its projects first, or rename it). */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            deleted: true;
                            id: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a team; exceptions and projects follow it (they refer to its id). */
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
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            team: {
                                id: number;
                                name: string;
                                createdAt: string;
                                /** @description projects the team owns (that the credential can see) */
                                projects: number;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/sla-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The SLA policy: days to fix per project tier and severity (info absent: no SLA), and whether a reopened finding’s clock restarts. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description days to fix, per project tier, then per finding severity */
                            days: {
                                critical: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                                high: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                                medium: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                                low: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                            };
                            /** @description false: a reopened finding keeps the due date counted from its first detection; true: its clock starts again at the reopen */
                            restartOnReopen: boolean;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        /** Replace the whole SLA policy. In the same transaction the due date of every open, confirmed and in-progress finding of every project is computed again from it (resolved and accepted findings keep theirs); answers how many moved. */
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
                        /** @description days to fix, per project tier, then per finding severity */
                        days: {
                            critical: {
                                critical: number;
                                high: number;
                                medium: number;
                                low: number;
                                info?: number;
                            };
                            high: {
                                critical: number;
                                high: number;
                                medium: number;
                                low: number;
                                info?: number;
                            };
                            medium: {
                                critical: number;
                                high: number;
                                medium: number;
                                low: number;
                                info?: number;
                            };
                            low: {
                                critical: number;
                                high: number;
                                medium: number;
                                low: number;
                                info?: number;
                            };
                        };
                        /** @description false: a reopened finding keeps the due date counted from its first detection; true: its clock starts again at the reopen */
                        restartOnReopen: boolean;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description days to fix, per project tier, then per finding severity */
                            days: {
                                critical: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                                high: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                                medium: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                                low: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info?: number;
                                };
                            };
                            /** @description false: a reopened finding keeps the due date counted from its first detection; true: its clock starts again at the reopen */
                            restartOnReopen: boolean;
                            /** @description open findings whose due date the change moved */
                            dueDatesMoved: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Findings the credential can see, filtered and sorted, a page at a time: pass `next` back as `cursor` for the following page (stable under concurrent changes; no page is slower than the first). */
        get: {
            parameters: {
                query?: {
                    project?: string | string[];
                    scanner?: string | string[];
                    severity?: string | string[];
                    status?: string | string[];
                    rule?: string | string[];
                    text?: string;
                    firstSeenFrom?: string;
                    firstSeenTo?: string;
                    sla?: "overdue" | "due_soon" | "ok" | "none";
                    sort?: "severity" | "first_seen" | "last_seen" | "sla_due" | "rule" | "path";
                    order?: "asc" | "desc";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            findings: {
                                id: number;
                                project: string;
                                projectId: number;
                                scanner: string;
                                rule: string;
                                title: string;
                                message: string;
                                /** @enum {string} */
                                severity: "critical" | "high" | "medium" | "low" | "info";
                                confidence: string;
                                /** @enum {string} */
                                status: "open" | "confirmed" | "in_progress" | "false_positive" | "risk_accepted" | "fixed" | "closed";
                                path: string;
                                line: number | null;
                                advisory: string | null;
                                purl: string | null;
                                firstSeenAt: string;
                                lastSeenAt: string;
                                slaDueAt: string | null;
                                /** @enum {string} */
                                sla: "overdue" | "due_soon" | "ok" | "none";
                                fixedAt: string | null;
                                closedAt: string | null;
                                reopenedCount: number;
                                exceptionId: number | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/findings/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many findings the same filters as GET /findings select, in total and per status. */
        get: {
            parameters: {
                query?: {
                    project?: string | string[];
                    scanner?: string | string[];
                    severity?: string | string[];
                    status?: string | string[];
                    rule?: string | string[];
                    text?: string;
                    firstSeenFrom?: string;
                    firstSeenTo?: string;
                    sla?: "overdue" | "due_soon" | "ok" | "none";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            total: number;
                            byStatus: {
                                [key: string]: number;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/findings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One finding: what the scanner reported (location, snippet, trace, vulnerability, CWE, remediation), its SLA state, its history oldest first and the latest scans that saw it. */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            finding: {
                                id: number;
                                project: string;
                                projectId: number;
                                scanner: string;
                                rule: string;
                                title: string;
                                message: string;
                                /** @enum {string} */
                                severity: "critical" | "high" | "medium" | "low" | "info";
                                confidence: string;
                                /** @enum {string} */
                                status: "open" | "confirmed" | "in_progress" | "false_positive" | "risk_accepted" | "fixed" | "closed";
                                path: string;
                                line: number | null;
                                advisory: string | null;
                                purl: string | null;
                                firstSeenAt: string;
                                lastSeenAt: string;
                                slaDueAt: string | null;
                                /** @enum {string} */
                                sla: "overdue" | "due_soon" | "ok" | "none";
                                fixedAt: string | null;
                                closedAt: string | null;
                                reopenedCount: number;
                                exceptionId: number | null;
                                fingerprint: string;
                                location: {
                                    path: string;
                                    startLine?: number;
                                    endLine?: number;
                                    startColumn?: number;
                                    endColumn?: number;
                                    /** @description secret values are redacted */
                                    snippet?: string;
                                    commit?: {
                                        sha: string;
                                        author: string;
                                        email: string;
                                        date: string;
                                    };
                                };
                                cwe: string[];
                                references: string[];
                                remediation: string;
                                controls: string[];
                                vulnerability?: {
                                    id: string;
                                    aliases: string[];
                                    package: {
                                        ecosystem: string;
                                        name: string;
                                        version: string;
                                        purl?: string;
                                    };
                                    fixedVersions: string[];
                                    cvss?: {
                                        version: string;
                                        vector: string;
                                        score: number;
                                    };
                                };
                                secret?: {
                                    redacted: string;
                                    hash: string;
                                };
                                trace?: {
                                    path: string;
                                    line: number;
                                    column?: number;
                                    message: string;
                                }[];
                                properties?: {
                                    [key: string]: string | number | boolean;
                                };
                            };
                            /** @description oldest first (the latest 1,000) */
                            history: {
                                at: string;
                                actor: string;
                                /** @description created, reopened, fixed, status, exception, severity, comment */
                                kind: string;
                                /** @description the status before (the severity before, for a severity event) */
                                from: string | null;
                                to: string | null;
                                comment: string | null;
                                scanId: number | null;
                            }[];
                            /** @description the latest 20 scans that reported it, newest first */
                            occurrences: {
                                scanId: number;
                                branch: string;
                                commit: string | null;
                                path: string;
                                line: number | null;
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
        /** Triage one finding: its status (open, confirmed, in_progress, false_positive, closed), severity, or a comment. risk_accepted comes only from an approved exception (POST /exceptions), fixed only from scans. */
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
                         * @description open, confirmed, in_progress, false_positive (with a comment) or closed
                         * @enum {string}
                         */
                        status?: "open" | "confirmed" | "in_progress" | "false_positive" | "risk_accepted" | "fixed" | "closed";
                        /** @enum {string} */
                        severity?: "critical" | "high" | "medium" | "low" | "info";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            finding: {
                                id: number;
                                project: string;
                                projectId: number;
                                scanner: string;
                                rule: string;
                                title: string;
                                message: string;
                                /** @enum {string} */
                                severity: "critical" | "high" | "medium" | "low" | "info";
                                confidence: string;
                                /** @enum {string} */
                                status: "open" | "confirmed" | "in_progress" | "false_positive" | "risk_accepted" | "fixed" | "closed";
                                path: string;
                                line: number | null;
                                advisory: string | null;
                                purl: string | null;
                                firstSeenAt: string;
                                lastSeenAt: string;
                                slaDueAt: string | null;
                                /** @enum {string} */
                                sla: "overdue" | "due_soon" | "ok" | "none";
                                fixedAt: string | null;
                                closedAt: string | null;
                                reopenedCount: number;
                                exceptionId: number | null;
                            };
                            changed: boolean;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/findings/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Triage up to 1,000 findings at once, all or nothing: one status and/or one comment for all. Unknown ids (or ids of other projects for a scoped credential) fail the whole request. */
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
                        ids: number[];
                        /** @enum {string} */
                        status?: "open" | "confirmed" | "in_progress" | "false_positive" | "risk_accepted" | "fixed" | "closed";
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description findings whose status changed */
                            changed: number[];
                            /** @description findings already in that status (a comment was still recorded) */
                            unchanged: number[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhooks the credential administers, with counts of their deliveries by state. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhooks: {
                                id: number;
                                name: string | null;
                                /** @enum {string} */
                                format: "generic" | "slack" | "jira";
                                /** @description scheme, host and first path segment only: the rest may be a credential */
                                url: string;
                                events: ("finding.new_critical" | "finding.new_high" | "sla.breach" | "exception.expiring" | "gate.failed")[];
                                project: string | null;
                                signed: boolean;
                                jira: {
                                    projectKey: string;
                                    issueType: string;
                                    labels: string[];
                                    priority?: string | {
                                        [key: string]: string;
                                    };
                                    /** @enum {string} */
                                    auth: "basic" | "bearer";
                                } | null;
                                createdAt: string;
                                createdBy: string;
                                deliveries: {
                                    pending: number;
                                    delivered: number;
                                    failed: number;
                                    cancelled: number;
                                };
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an outgoing webhook (generic signed JSON, Slack, or Jira issues) for some events, of one project or all. Secrets are stored sealed and never shown again; a generated HMAC key is in this answer only. */
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
                        name?: string;
                        /** Format: uri */
                        url: string;
                        /**
                         * @default generic
                         * @enum {string}
                         */
                        format?: "generic" | "slack" | "jira";
                        events: ("finding.new_critical" | "finding.new_high" | "sla.breach" | "exception.expiring" | "gate.failed")[];
                        secret?: string;
                        project?: string;
                        jira?: {
                            projectKey: string;
                            /** @default Bug */
                            issueType?: string;
                            /** @default [] */
                            labels?: string[];
                            priority?: string | {
                                [key: string]: string;
                            };
                            auth: {
                                /** @constant */
                                type: "basic";
                                user: string;
                                token: string;
                            } | {
                                /** @constant */
                                type: "bearer";
                                token: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            webhook: {
                                id: number;
                                name: string | null;
                                /** @enum {string} */
                                format: "generic" | "slack" | "jira";
                                /** @description scheme, host and first path segment only: the rest may be a credential */
                                url: string;
                                events: ("finding.new_critical" | "finding.new_high" | "sla.breach" | "exception.expiring" | "gate.failed")[];
                                project: string | null;
                                signed: boolean;
                                jira: {
                                    projectKey: string;
                                    issueType: string;
                                    labels: string[];
                                    priority?: string | {
                                        [key: string]: string;
                                    };
                                    /** @enum {string} */
                                    auth: "basic" | "bearer";
                                } | null;
                                createdAt: string;
                                createdBy: string;
                                deliveries: {
                                    pending: number;
                                    delivered: number;
                                    failed: number;
                                    cancelled: number;
                                };
                            };
                            /** @description the generated HMAC key: shown once, keep it */
                            secret?: string;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest deliveries of a webhook: state, attempts, the last answer or error. */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed" | "cancelled";
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                id: string;
                                event: string;
                                subject: string;
                                /** @enum {string} */
                                status: "pending" | "delivered" | "failed" | "cancelled";
                                attempts: number;
                                nextAttemptAt: string | null;
                                lastAttemptAt: string | null;
                                lastStatus: number | null;
                                lastError: string | null;
                                createdAt: string;
                                finishedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test notification (event `webhook.test`) to the webhook now, signed and formatted as its real events, and answer how it went. It is recorded among the deliveries; a Jira webhook opens an issue titled as a test. */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the delivery id, as in the deliveries list and the X-Gatehouse-Delivery header */
                            delivery: string;
                            /** @enum {string} */
                            status: "delivered" | "failed";
                            /** @description what the receiver answered, when it did */
                            httpStatus: number | null;
                            /** @description why it failed, the webhook’s secrets masked */
                            error: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook: its secrets are erased and its pending deliveries cancelled. */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            deleted: true;
                            id: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exceptions, newest first; project-scoped credentials see their project’s only. Page with `after` = the previous answer’s `next`. */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "approved" | "rejected" | "expired" | "revoked";
                    project?: string;
                    expiringWithinDays?: number;
                    limit?: number;
                    after?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exceptions: {
                                id: number;
                                /** @enum {string} */
                                kind: "fingerprint" | "rule" | "advisory";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "expired" | "revoked";
                                /** @description null for a team-wide or global exception */
                                project: string | null;
                                team: string | null;
                                fingerprint: string | null;
                                rule: string | null;
                                pathGlob: string | null;
                                advisory: string | null;
                                package: string | null;
                                reason: string;
                                requestedBy: string;
                                requestedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionComment: string | null;
                                expiresAt: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Request an exception (pending until someone else approves it): by fingerprint, rule (+ path glob) or advisory (+ package), for a project, a team or everything. expiresAt is required when it covers a high or critical finding now, and for rule/advisory exceptions on every project. */
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
                        kind: "fingerprint" | "rule" | "advisory";
                        /** @description project name; omit project and team for every project (security/admin only) */
                        project?: string;
                        /** @description team name: every project of the team (security/admin only) */
                        team?: string;
                        fingerprint?: string;
                        rule?: string;
                        /** @description picomatch glob over the finding path, e.g. `test/**` */
                        pathGlob?: string;
                        /** @description advisory id as findings carry it (GHSA-…, CVE-…, PYSEC-…) */
                        advisory?: string;
                        /** @description package name as the finding names it */
                        package?: string;
                        reason: string;
                        /** @description ISO 8601; a date alone applies through that whole day (UTC), like gatehouse.yml `expires` */
                        expiresAt?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exception: {
                                id: number;
                                /** @enum {string} */
                                kind: "fingerprint" | "rule" | "advisory";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "expired" | "revoked";
                                /** @description null for a team-wide or global exception */
                                project: string | null;
                                team: string | null;
                                fingerprint: string | null;
                                rule: string | null;
                                pathGlob: string | null;
                                advisory: string | null;
                                package: string | null;
                                reason: string;
                                requestedBy: string;
                                requestedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionComment: string | null;
                                expiresAt: string | null;
                            };
                            /** @description live findings it would cover now */
                            covers: {
                                findings: number;
                                highOrCritical: number;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/exceptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One exception, with the live findings it covers now (count and the first 50 ids). */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exception: {
                                id: number;
                                /** @enum {string} */
                                kind: "fingerprint" | "rule" | "advisory";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "expired" | "revoked";
                                /** @description null for a team-wide or global exception */
                                project: string | null;
                                team: string | null;
                                fingerprint: string | null;
                                rule: string | null;
                                pathGlob: string | null;
                                advisory: string | null;
                                package: string | null;
                                reason: string;
                                requestedBy: string;
                                requestedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionComment: string | null;
                                expiresAt: string | null;
                            };
                            findings: {
                                count: number;
                                ids: number[];
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/exceptions/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending exception (not its requester): every open, confirmed or in-progress finding it covers becomes risk_accepted, in one transaction. */
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
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exception: {
                                id: number;
                                /** @enum {string} */
                                kind: "fingerprint" | "rule" | "advisory";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "expired" | "revoked";
                                /** @description null for a team-wide or global exception */
                                project: string | null;
                                team: string | null;
                                fingerprint: string | null;
                                rule: string | null;
                                pathGlob: string | null;
                                advisory: string | null;
                                package: string | null;
                                reason: string;
                                requestedBy: string;
                                requestedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionComment: string | null;
                                expiresAt: string | null;
                            };
                            accepted: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/exceptions/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending exception (not its requester). */
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
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exception: {
                                id: number;
                                /** @enum {string} */
                                kind: "fingerprint" | "rule" | "advisory";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "expired" | "revoked";
                                /** @description null for a team-wide or global exception */
                                project: string | null;
                                team: string | null;
                                fingerprint: string | null;
                                rule: string | null;
                                pathGlob: string | null;
                                advisory: string | null;
                                package: string | null;
                                reason: string;
                                requestedBy: string;
                                requestedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionComment: string | null;
                                expiresAt: string | null;
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/exceptions/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an approved exception: the findings it accepted are open again. */
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
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            exception: {
                                id: number;
                                /** @enum {string} */
                                kind: "fingerprint" | "rule" | "advisory";
                                /** @enum {string} */
                                status: "pending" | "approved" | "rejected" | "expired" | "revoked";
                                /** @description null for a team-wide or global exception */
                                project: string | null;
                                team: string | null;
                                fingerprint: string | null;
                                rule: string | null;
                                pathGlob: string | null;
                                advisory: string | null;
                                package: string | null;
                                reason: string;
                                requestedBy: string;
                                requestedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                decisionComment: string | null;
                                expiresAt: string | null;
                            };
                            reopened: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/components": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SBOM portfolio search: which projects and branches ship a component, by name (exact or prefix, with each ecosystem’s name rules; `log4j-core` also finds Maven `group:log4j-core`), by purl (with a version: that version; without: all), and a version range (`<2.17.0`, `>=2.0.0 <2.17.1`, `^1.2`, `~> 2.2`, `1.x || 2.x`) in the ecosystem’s own version order. Give name, purl or project. */
        get: {
            parameters: {
                query?: {
                    name?: string;
                    match?: "exact" | "prefix";
                    purl?: string;
                    ecosystem?: string;
                    version?: string;
                    project?: string;
                    limit?: number;
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                project: string;
                                branch: string;
                                /** @description the scan whose SBOM listed these components */
                                scanId: number;
                                components: {
                                    ecosystem: string;
                                    name: string;
                                    version: string;
                                    purl: string | null;
                                    /** @description as the SBOM declared them */
                                    licenses: string | null;
                                }[];
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/mttr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mean and median time to remediate per severity, over findings fixed (and over all resolved) in the window. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    from?: string;
                    to?: string;
                    scanner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                from: string;
                                to: string;
                            };
                            project: string | null;
                            scanner: string | null;
                            fixed: {
                                all: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                                bySeverity: {
                                    critical: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    high: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    medium: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    low: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    info: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                };
                            };
                            resolved: {
                                all: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                                bySeverity: {
                                    critical: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    high: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    medium: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    low: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    info: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/mttd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mean and median time to detect dependency findings first seen in the window: first seen minus the advisory publication. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    from?: string;
                    to?: string;
                    scanner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                from: string;
                                to: string;
                            };
                            project: string | null;
                            scanner: string | null;
                            all: {
                                count: number;
                                meanDays: number | null;
                                medianDays: number | null;
                            };
                            bySeverity: {
                                critical: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                                high: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                                medium: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                                low: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                                info: {
                                    count: number;
                                    meanDays: number | null;
                                    medianDays: number | null;
                                };
                            };
                            undated: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/sla": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA compliance of findings resolved in the window (and open past due now), and the open backlog by severity and age. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    from?: string;
                    to?: string;
                    scanner?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                from: string;
                                to: string;
                            };
                            project: string | null;
                            scanner: string | null;
                            asOf: string;
                            compliance: {
                                met: number;
                                late: number;
                                openOverdue: number;
                                resolvedInTimePercent: number | null;
                                compliancePercent: number | null;
                                bySeverity: {
                                    critical: {
                                        met: number;
                                        late: number;
                                        openOverdue: number;
                                        resolvedInTimePercent: number | null;
                                        compliancePercent: number | null;
                                    };
                                    high: {
                                        met: number;
                                        late: number;
                                        openOverdue: number;
                                        resolvedInTimePercent: number | null;
                                        compliancePercent: number | null;
                                    };
                                    medium: {
                                        met: number;
                                        late: number;
                                        openOverdue: number;
                                        resolvedInTimePercent: number | null;
                                        compliancePercent: number | null;
                                    };
                                    low: {
                                        met: number;
                                        late: number;
                                        openOverdue: number;
                                        resolvedInTimePercent: number | null;
                                        compliancePercent: number | null;
                                    };
                                    info: {
                                        met: number;
                                        late: number;
                                        openOverdue: number;
                                        resolvedInTimePercent: number | null;
                                        compliancePercent: number | null;
                                    };
                                };
                            };
                            open: {
                                total: number;
                                overdue: number;
                                bySeverity: {
                                    critical: {
                                        open: number;
                                        overdue: number;
                                    };
                                    high: {
                                        open: number;
                                        overdue: number;
                                    };
                                    medium: {
                                        open: number;
                                        overdue: number;
                                    };
                                    low: {
                                        open: number;
                                        overdue: number;
                                    };
                                    info: {
                                        open: number;
                                        overdue: number;
                                    };
                                };
                                byAge: {
                                    /** @enum {string} */
                                    bucket: "0-7" | "8-30" | "31-90" | "91-180" | ">180";
                                    open: number;
                                    bySeverity: {
                                        critical: number;
                                        high: number;
                                        medium: number;
                                        low: number;
                                        info: number;
                                    };
                                }[];
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/burndown": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unresolved findings at the end of each of the last `days` UTC days (today: now), with the day’s arrivals and resolutions. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    scanner?: string;
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            project: string | null;
                            scanner: string | null;
                            asOf: string;
                            days: {
                                date: string;
                                open: number;
                                opened: number;
                                resolved: number;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/gate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gate verdicts of scans received in the window per project, stage and policy version; passes that followed a failure of the same commit and stage are overrides. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                from: string;
                                to: string;
                            };
                            project: string | null;
                            totals: {
                                scans: number;
                                pass: number;
                                warn: number;
                                fail: number;
                                overridden: number;
                                passRate: number | null;
                                failRate: number | null;
                                overrideRate: number | null;
                            };
                            byProject: {
                                scans: number;
                                pass: number;
                                warn: number;
                                fail: number;
                                overridden: number;
                                passRate: number | null;
                                failRate: number | null;
                                overrideRate: number | null;
                                project: string;
                            }[];
                            byStage: {
                                scans: number;
                                pass: number;
                                warn: number;
                                fail: number;
                                overridden: number;
                                passRate: number | null;
                                failRate: number | null;
                                overrideRate: number | null;
                                stage: string | null;
                            }[];
                            byPolicyVersion: {
                                scans: number;
                                pass: number;
                                warn: number;
                                fail: number;
                                overridden: number;
                                passRate: number | null;
                                failRate: number | null;
                                overrideRate: number | null;
                                policyVersion: string | null;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipeline coverage: which scanners each project ran in the last `days` days, and the projects with no scan. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            project: string | null;
                            since: string;
                            asOf: string;
                            scanners: string[];
                            byScanner: {
                                scanner: string;
                                projects: number;
                            }[];
                            projects: {
                                project: string;
                                scans: number;
                                lastScanAt: string;
                                scanners: {
                                    scanner: string;
                                    runs: number;
                                    failed: number;
                                    lastRunAt: string;
                                }[];
                            }[];
                            notScanned: {
                                project: string;
                                lastScanAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Secrets detected (secret findings first seen) and blocked (failed gates whose scan found secrets), per day or week of the window. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    from?: string;
                    to?: string;
                    period?: "day" | "week";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                from: string;
                                to: string;
                            };
                            project: string | null;
                            period: string;
                            totals: {
                                detected: number;
                                stillOpen: number;
                                blocked: number;
                            };
                            periods: {
                                start: string;
                                detected: number;
                                stillOpen: number;
                                blocked: number;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/noise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** False-positive rate per rule from triage decisions made in the window, worst first: the rules to tune. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    from?: string;
                    to?: string;
                    scanner?: string;
                    minTriaged?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                from: string;
                                to: string;
                            };
                            project: string | null;
                            scanner: string | null;
                            minTriaged: number;
                            rules: {
                                scanner: string;
                                ruleId: string;
                                triaged: number;
                                falsePositives: number;
                                falsePositiveRate: number;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open findings now (open, confirmed, in progress) per scanner, most first, and those due within 7 days per severity (what GET /findings?sla=due_soon lists). Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            project: string | null;
                            asOf: string;
                            byScanner: {
                                scanner: string;
                                open: number;
                            }[];
                            dueSoon: {
                                total: number;
                                bySeverity: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info: number;
                                };
                            };
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** MTTR (findings fixed by a scan) per severity and gate verdicts, per day or week, for the last `periods` periods: each period is exactly what GET /metrics/mttr and GET /metrics/gate answer for its window. `scanner` narrows MTTR only. Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    project?: string;
                    scanner?: string;
                    period?: "day" | "week";
                    periods?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            project: string | null;
                            scanner: string | null;
                            period: string;
                            asOf: string;
                            periods: {
                                from: string;
                                to: string;
                                mttr: {
                                    all: {
                                        count: number;
                                        meanDays: number | null;
                                        medianDays: number | null;
                                    };
                                    bySeverity: {
                                        critical: {
                                            count: number;
                                            meanDays: number | null;
                                            medianDays: number | null;
                                        };
                                        high: {
                                            count: number;
                                            meanDays: number | null;
                                            medianDays: number | null;
                                        };
                                        medium: {
                                            count: number;
                                            meanDays: number | null;
                                            medianDays: number | null;
                                        };
                                        low: {
                                            count: number;
                                            meanDays: number | null;
                                            medianDays: number | null;
                                        };
                                        info: {
                                            count: number;
                                            meanDays: number | null;
                                            medianDays: number | null;
                                        };
                                    };
                                };
                                gate: {
                                    scans: number;
                                    pass: number;
                                    warn: number;
                                    fail: number;
                                    overridden: number;
                                    passRate: number | null;
                                    failRate: number | null;
                                    overrideRate: number | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/metrics/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects ranked by risk (open findings weighted by severity and project tier), or sorted by name, tier, open critical or high findings, or last scan; filtered like GET /projects, a page at a time (pass `next` back as `cursor`). Definitions: docs/metrics.md. */
        get: {
            parameters: {
                query?: {
                    sort?: "risk" | "name" | "tier" | "critical" | "high" | "last_scan";
                    order?: "asc" | "desc";
                    q?: string;
                    team?: string;
                    tier?: "critical" | "high" | "medium" | "low";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            sort: "risk" | "name" | "tier" | "critical" | "high" | "last_scan";
                            /** @enum {string} */
                            order: "asc" | "desc";
                            weights: {
                                severity: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info: number;
                                };
                                tier: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                };
                            };
                            projects: {
                                id: number;
                                name: string;
                                repository: string | null;
                                defaultBranch: string | null;
                                /** @enum {string} */
                                tier: "critical" | "high" | "medium" | "low";
                                team: {
                                    id: number;
                                    name: string;
                                } | null;
                                open: {
                                    critical: number;
                                    high: number;
                                    medium: number;
                                    low: number;
                                    info: number;
                                };
                                /** @description tier weight × Σ open findings × severity weight (see `weights`) */
                                risk: number;
                                lastScanAt: string | null;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The append-only audit log, newest first, a page at a time (pass `next` back as `cursor`). Project-scoped credentials see their project's events only. */
        get: {
            parameters: {
                query?: {
                    actor?: string;
                    action?: string;
                    project?: string;
                    targetType?: string;
                    targetId?: string;
                    from?: string;
                    to?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: number;
                                at: string;
                                actor: string;
                                action: string;
                                targetType: string;
                                targetId: string | null;
                                project: string | null;
                                /** @description what the action changed, as recorded */
                                detail: unknown;
                            }[];
                            next: string | null;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the CSRF token of the session (after a page reload); 401 without a session. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor";
                                /** @description set when the user is limited to one project */
                                projectId: number | null;
                            };
                            /** @description send as X-CSRF-Token with every POST, PATCH, PUT and DELETE */
                            csrfToken: string;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Sign in with e-mail and password: sets the session cookie (HttpOnly, Secure, SameSite=Strict) and answers the CSRF token. Ten wrong passwords in a row lock the account for 15 minutes. */
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
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor";
                                /** @description set when the user is limited to one project */
                                projectId: number | null;
                            };
                            /** @description send as X-CSRF-Token with every POST, PATCH, PUT and DELETE */
                            csrfToken: string;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        /** Sign out: the session ends on the server and the cookie is cleared. */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            signedOut: true;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/session/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the signed-in user's password (the current one is required); the user's other sessions end. */
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
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            changed: true;
                            sessionsEnded: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The users who sign in to the dashboard, by e-mail. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor";
                                projectId: number | null;
                                disabled: boolean;
                                createdAt: string;
                                lastLoginAt: string | null;
                                /** @description set while failed sign-ins keep the account locked */
                                lockedUntil: string | null;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a user (e-mail, role, optionally one project). Without a password the server generates one and answers it once. */
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
                        /** Format: email */
                        email: string;
                        /** @description default: the e-mail's local part */
                        name?: string;
                        /** @enum {string} */
                        role: "admin" | "security" | "developer" | "auditor";
                        /** @description limit the user to this project */
                        projectId?: number | null;
                        /** @description omitted: the server generates one and answers it, once */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor";
                                projectId: number | null;
                                disabled: boolean;
                                createdAt: string;
                                lastLoginAt: string | null;
                                /** @description set while failed sign-ins keep the account locked */
                                lockedUntil: string | null;
                            };
                            /** @description the generated password: shown once, pass it on safely */
                            password?: string;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's name, role, project, disabled flag or password. A new role, project or password, or disabling, ends the user's sessions. */
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
                        name?: string;
                        /** @enum {string} */
                        role?: "admin" | "security" | "developer" | "auditor";
                        disabled?: boolean;
                        /** @description limit the user to this project */
                        projectId?: number | null;
                        /** @description at least 12 characters */
                        password?: string;
                        /**
                         * @description set a generated password, answered once
                         * @constant
                         */
                        generatePassword?: true;
                    };
                };
            };
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: number;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor";
                                projectId: number | null;
                                disabled: boolean;
                                createdAt: string;
                                lastLoginAt: string | null;
                                /** @description set while failed sign-ins keep the account locked */
                                lockedUntil: string | null;
                            };
                            /** @description the generated password: shown once, pass it on safely */
                            password?: string;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API tokens (never the tokens themselves: only their first characters). */
        get: {
            parameters: {
                query?: {
                    revoked?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor" | "ci";
                                projectId: number | null;
                                /** @description the first characters of the token, to tell tokens apart */
                                prefix: string;
                                createdAt: string;
                                createdBy: string;
                                /** @description to the minute */
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for a pipeline or script; the token is in this answer only (its hash is stored). */
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
                        /** @enum {string} */
                        role: "admin" | "security" | "developer" | "auditor" | "ci";
                        /** @description limit the token to this project */
                        projectId?: number | null;
                    };
                };
            };
            responses: {
                /** @description Success */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: {
                                id: number;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "security" | "developer" | "auditor" | "ci";
                                projectId: number | null;
                                /** @description the first characters of the token, to tell tokens apart */
                                prefix: string;
                                createdAt: string;
                                createdBy: string;
                                /** @description to the minute */
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            };
                            /** @description the token itself: shown once, keep it */
                            value: string;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
        /** Revoke a token: requests with it are refused from now on. */
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
                /** @description Success */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @constant */
                            revoked: true;
                            id: number;
                        };
                    };
                };
                /** @description An error: a stable code and a message */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
