/**
 * An LTI launch (server/src/http/lti.routes.ts) answers with this client's index.html carrying the session
 * token and the route to open in two <meta> tags. This module reads them once, removes them from the page,
 * keeps the token in memory only (sent as a bearer token: inside a cross-site iframe the browser may keep no
 * cookie of ours) and moves the address to the route without a request. The token never enters a URL or
 * storage; a reload of the frame means a new launch from the platform.
 */
export interface LtiLaunch {
  token: string;
  target: string;
}

export function readLtiLaunch(doc: Document = document): LtiLaunch | null {
  const session = doc.querySelector<HTMLMetaElement>('meta[name="lti-session"]');
  const target = doc.querySelector<HTMLMetaElement>('meta[name="lti-target"]');
  if (!session) return null;
  session.remove();
  target?.remove();
  // Only a path of this site: the server checked it, and a path cannot leave the origin.
  const path = target?.content.startsWith("/") && !target.content.startsWith("//") ? target.content : "/";
  return { token: session.content, target: path };
}

/** The launch of this page, if it was one; read at module load, before the router reads the address. */
export const ltiLaunch: LtiLaunch | null = typeof document === "undefined" ? null : readLtiLaunch();
if (ltiLaunch) history.replaceState(null, "", ltiLaunch.target);

/** Headers of every GraphQL request: the launch's bearer token when there is one. */
export const ltiHeaders = (): Record<string, string> => (ltiLaunch ? { authorization: `Bearer ${ltiLaunch.token}` } : {});
