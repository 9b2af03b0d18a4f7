export declare const ROOT: string;
export declare const CLIENT_DIR: string;
export declare const CLIENT_DIST: string;
export declare function staleReason(): string | null;
export declare function ensureClient(options?: { quiet?: boolean }): boolean;
