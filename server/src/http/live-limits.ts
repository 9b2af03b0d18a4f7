/** The WebSocket server's caps and their defaults: config.ts reads them without loading the server. */
export interface LiveLimits {
  subscriptionsPerSocket: number;
  socketsPerSession: number;
  /** A whole class behind one NAT shares an address: keep it well above a class's size. */
  socketsPerAddress: number;
  maxBufferedBytes: number;
  sessionRecheckMs: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  subscriptionsPerSocket: 20,
  socketsPerSession: 10,
  socketsPerAddress: 300,
  maxBufferedBytes: 1_000_000,
  sessionRecheckMs: 60_000,
};
