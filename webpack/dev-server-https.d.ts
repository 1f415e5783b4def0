/** Types for dev-server-https.js, for the tests. */
export declare function devServerHttps(
  getHttpsServerOptions?: () => Promise<object>,
  warn?: (message: string) => void,
): Promise<"https" | { type: "https"; options: object }>;
