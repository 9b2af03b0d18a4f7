/**
 * Names and Role Provisioning Services 2.0 against the test platform, both engines: "sync roster" on a class
 * bound to an LTI context fetches every page (Link rel="next"), links or creates users by (issuer, user_id),
 * adds learners, marks learners who became Inactive or left the roster (keeping their data), the rlid
 * filter, and who may sync.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import type { LaunchSpec, TestMember, TestPlatform } from "../../helpers/lti-platform.js";
import { Browser, ROLE, startTestPlatform } from "../../helpers/lti-platform.js";
import { nextLink } from "../../../server/src/lti/lti-nrps.js";

let server: TestServer;
let platform: TestPlatform;

beforeAll(async () => {
  server = await startTestServer();
  platform = await startTestPlatform({ toolUrl: server.url });
  await server.app.services.lti.registry.register({ issuer: platform.issuer, clientId: platform.clientId, authUrl: platform.authUrl, tokenUrl: platform.tokenUrl, jwksUrl: platform.jwksUrl, deploymentIds: platform.deploymentIds });
});
afterAll(async () => {
  await platform?.close();
  await server?.stop();
});

const meta = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];
async function launch(spec: LaunchSpec) {
  const flow = await new Browser().launch(`${server.url}lti/login`, platform.initiation(spec));
  expect(platform.refusals).toEqual([]);
  return meta(await flow.launch!.text(), "lti-session")!;
}

const SYNC = `mutation($c: ID!) { syncLtiRoster(classroomId: $c) { listed added created left active } }`;
const STATUS = `query($c: ID!) { ltiClassStatus(classroomId: $c) { canSyncRoster leftLearnerIds unsentScores { id } } }`;
const userOf = async (sub: string) => (await server.sql<{ userId: string }>(`SELECT "userId" FROM lti_user WHERE issuer = ? AND sub = ?`, [platform.issuer, sub]))[0]?.userId;
const members = (classroomId: string) => server.sql<{ userId: string }>(`SELECT "userId" FROM classroom_member WHERE "classroomId" = ? ORDER BY "userId"`, [classroomId]);
const learner = (user_id: string, extra: Partial<TestMember> = {}): TestMember => ({ user_id, roles: [ROLE.learner], name: `Learner ${user_id}`, ...extra });

describe("NRPS roster sync", () => {
  const context = { id: "ctx-nrps", title: "Roster class" };
  let teacher: string;
  let classroomId: string;

  beforeAll(async () => {
    teacher = await launch({ sub: "nrps-teacher", roles: [ROLE.instructor], context });
    [{ classroomId }] = await server.sql<{ classroomId: string }>(`SELECT "classroomId" FROM lti_context WHERE "contextId" = 'ctx-nrps'`);
  });
  const gql = (doc: string) => server.gql<any>(doc, { c: classroomId }, { authorization: `Bearer ${teacher}` });

  it("should read every page, link known users, create new ones by (issuer, user_id) and add the active learners", async () => {
    const early = await launch({ sub: "nrps-l1", context });
    expect(early).toBeTruthy();
    platform.members.set("ctx-nrps", [
      { user_id: "nrps-teacher", roles: [ROLE.instructor], name: "Teacher" },
      learner("nrps-l1"),
      learner("nrps-l2", { email: "same@example.test" }),
      learner("nrps-l3", { email: "same@example.test" }),
      learner("nrps-never", { status: "Inactive" }),
      learner("nrps-l5", { rlids: ["rl-x"] }),
    ]);
    platform.pageSize = 2;
    const before = platform.membershipRequests.length;
    const res = await gql(SYNC);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.syncLtiRoster).toEqual({ listed: 6, added: 3, created: 3, left: 0, active: 4 });
    expect(platform.membershipRequests.slice(before)).toEqual(["/contexts/ctx-nrps/memberships", "/contexts/ctx-nrps/memberships?offset=2", "/contexts/ctx-nrps/memberships?offset=4"]);
    const ids = await Promise.all(["nrps-l1", "nrps-l2", "nrps-l3", "nrps-l5"].map(userOf));
    expect(new Set(ids).size).toBe(4);
    expect(await userOf("nrps-never")).toBeUndefined();
    expect((await members(classroomId)).map((m) => m.userId)).toEqual([...ids].sort());
    const [l2] = await server.sql<{ displayName: string; role: string }>(`SELECT "displayName", role FROM "user" WHERE id = ?`, [ids[1]]);
    expect(l2).toEqual({ displayName: "Learner nrps-l2", role: "LEARNER" });
    // Syncing again changes nothing.
    expect((await gql(SYNC)).body.data.syncLtiRoster).toEqual({ listed: 6, added: 0, created: 0, left: 0, active: 4 });
  });

  it("should mark learners who became Inactive or left the roster, keep their membership and data, and take them back when they return", async () => {
    const l2 = await userOf("nrps-l2");
    const l3 = await userOf("nrps-l3");
    const roster = platform.members.get("ctx-nrps")!;
    platform.members.set("ctx-nrps", roster.filter((m) => m.user_id !== "nrps-l3").map((m) => (m.user_id === "nrps-l2" ? { ...m, status: "Inactive" as const } : m)));
    const res = await gql(SYNC);
    expect(res.body.data.syncLtiRoster).toMatchObject({ left: 2, active: 2 });
    const status = (await gql(STATUS)).body.data.ltiClassStatus;
    expect(status.canSyncRoster).toBe(true);
    expect([...status.leftLearnerIds].sort()).toEqual([l2, l3].sort());
    expect((await members(classroomId)).map((m) => m.userId)).toEqual(expect.arrayContaining([l2, l3]));
    platform.members.set("ctx-nrps", roster);
    expect((await gql(SYNC)).body.data.syncLtiRoster).toMatchObject({ left: 0, active: 4 });
    expect((await gql(STATUS)).body.data.ltiClassStatus.leftLearnerIds).toEqual([]);
  });

  it("should pass rlid to the platform and not take absence from a filtered roster for leaving", async () => {
    const before = platform.membershipRequests.length;
    const result = await server.app.services.ltiRoster.sync(classroomId, { rlid: "rl-x" });
    expect(platform.membershipRequests.slice(before).every((u) => u.includes("rlid=rl-x"))).toBe(true);
    expect(result).toMatchObject({ listed: 6, left: 0 });
    platform.members.set("ctx-nrps", [learner("nrps-l5", { rlids: ["rl-x"] }), learner("nrps-l1", { rlids: ["rl-y"] })]);
    expect(await server.app.services.ltiRoster.sync(classroomId, { rlid: "rl-x" })).toMatchObject({ listed: 1, left: 0 });
  });

  it("should refuse a class not bound to a platform, another instructor's class and a learner, and report a platform that fails", async () => {
    const other = await server.instructor("Other teacher");
    const mine = await other.gql<any>(`mutation { createClassroom(name: "Plain") { id } }`);
    const plain = await other.gql<any>(SYNC, { c: mine.body.data.createClassroom.id });
    expect(plain.body.errors?.[0].extensions?.code).toBe("lti/no_roster_service");
    expect((await other.gql<any>(STATUS, { c: mine.body.data.createClassroom.id })).body.data.ltiClassStatus).toBeNull();
    expect((await other.gql<any>(SYNC, { c: classroomId })).body.errors?.[0].extensions?.code).toBe("classroom/not_found");
    const someone = await server.learner();
    expect((await someone.gql<any>(SYNC, { c: classroomId })).body.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const url = platform.url;
    await server.sql(`UPDATE lti_link SET "membershipsUrl" = ? WHERE "classroomId" = ?`, [`${url}/contexts/ctx-nrps/nothing-here`, classroomId]);
    const failed = await gql(SYNC);
    expect(failed.body.errors?.[0].extensions?.code).toBe("lti/platform_unavailable");
  });
});

describe("the Link header", () => {
  it("should find rel=next among other relations and parameters", () => {
    expect(nextLink(`<https://p.example/m?page=1>; rel="first", <https://p.example/m?page=3>; rel="next"`)).toBe("https://p.example/m?page=3");
    expect(nextLink(`<https://p.example/m?page=3>; rel="prev next"; title="x"`)).toBe("https://p.example/m?page=3");
    expect(nextLink(`<https://p.example/m?page=3>; rel=next`)).toBe("https://p.example/m?page=3");
    expect(nextLink(`<https://p.example/m?page=1>; rel="first"`)).toBeNull();
    expect(nextLink(null)).toBeNull();
  });
});
