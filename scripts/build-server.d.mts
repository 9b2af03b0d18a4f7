/** Types for scripts/build-server.mjs (imported by the bench and tests). */
export declare const ROOT: string;
export declare const SERVER_DIST: string;
export declare const SERVER_BUNDLE: string;
export declare function sourceHash(): string;
export declare function ensureServer(options?: { quiet?: boolean }): Promise<boolean>;
