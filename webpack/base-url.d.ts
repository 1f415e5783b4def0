/** Types for base-url.js, for the tests. */
export declare const DEV_BASE_URL: "https://localhost:3000/";
export declare function resolveBaseUrl(value: string | undefined): string | null;
export declare function rewriteManifest(source: string, baseUrl: string | null): string;
