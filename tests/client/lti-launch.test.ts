// @vitest-environment happy-dom
/**
 * The client's side of an LTI launch (client/src/lti-launch.ts): the token and the route come from the
 * page's <meta> tags, which are removed; a target that is not a path of this site is ignored.
 */
import { describe, expect, it } from "vitest";
import { readLtiLaunch } from "../../client/src/lti-launch.js";

const page = (token: string | null, target: string | null) => {
  const doc = document.implementation.createHTMLDocument("t");
  if (token !== null) doc.head.insertAdjacentHTML("beforeend", `<meta name="lti-session" content="${token}">`);
  if (target !== null) doc.head.insertAdjacentHTML("beforeend", `<meta name="lti-target" content="${target}">`);
  return doc;
};

describe("readLtiLaunch", () => {
  it("should read the token and the route and remove both tags", () => {
    const doc = page("tok-123", "/lessons/intro");
    expect(readLtiLaunch(doc)).toEqual({ token: "tok-123", target: "/lessons/intro" });
    expect(doc.querySelector("meta[name^=lti]")).toBeNull();
  });

  it("should be null on a page that no launch made", () => {
    expect(readLtiLaunch(page(null, null))).toBeNull();
  });

  it("should open the home page for a target that is not a path of this site", () => {
    expect(readLtiLaunch(page("t", "https://evil.example/x"))?.target).toBe("/");
    expect(readLtiLaunch(page("t", "//evil.example/x"))?.target).toBe("/");
  });
});
