/**
 * LTI 1.3 launches end to end over HTTP, against the test platform (tests/helpers/lti-platform.ts): OIDC login
 * initiation by GET and POST, the authentication request the tool sends, the form post back, the launched page
 * (session, frame-ancestors), users linked by (issuer, sub), contexts bound to classes by role. Both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import type { TestPlatform } from "../../helpers/lti-platform.js";
import { Browser, ROLE, startTestPlatform } from "../../helpers/lti-platform.js";

let server: TestServer;
let platform: TestPlatform;
const logs: string[] = [];
let loginUrl: string;

beforeAll(async () => {
  server = await startTestServer({ log: (m) => logs.push(m) });
  platform = await startTestPlatform({ toolUrl: server.url, deploymentIds: ["dep-1", "dep-2"] });
  await server.app.services.lti.registry.register({
    issuer: platform.issuer,
    clientId: platform.clientId,
    authUrl: platform.authUrl,
    tokenUrl: platform.tokenUrl,
    jwksUrl: platform.jwksUrl,
    deploymentIds: platform.deploymentIds,
  });
  loginUrl = `${server.url}lti/login`;
});
afterAll(async () => {
  await platform?.close();
  await server?.stop();
});

const ME = `{ me { id displayName role } }`;
const meta = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];

async function launched(spec: Parameters<TestPlatform["initiation"]>[0] = {}, opts: Parameters<Browser["launch"]>[2] = {}) {
  const browser = new Browser();
  const flow = await browser.launch(loginUrl, platform.initiation(spec), opts);
  expect(platform.refusals).toEqual([]);
  expect(flow.launch?.status, await flow.launch?.clone().text()).toBe(200);
  const html = await flow.launch!.text();
  const token = meta(html, "lti-session")!;
  const me = await server.gql<{ me: { id: string; displayName: string; role: string } }>(ME, {}, { authorization: `Bearer ${token}` });
  return { browser, flow, html, token, me: me.body.data!.me, target: meta(html, "lti-target")! };
}

const classOf = async (userId: string) => server.sql<{ classroomId: string }>(`SELECT "classroomId" FROM classroom_member WHERE "userId" = ?`, [userId]);

describe("LTI login initiation (Security Framework §5.1.1.1–2)", () => {
  it("should redirect a GET initiation to the platform's authorization endpoint with the authentication request and a browser-bound cookie", async () => {
    const browser = new Browser();
    const init = platform.initiation();
    const res = await browser.request(`${loginUrl}?${new URLSearchParams(init)}`);
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location")!);
    expect(`${to.origin}${to.pathname}`).toBe(platform.authUrl);
    const q = Object.fromEntries(to.searchParams);
    expect(q).toMatchObject({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: `${server.url}lti/launch`,
      login_hint: init.login_hint,
      lti_message_hint: init.lti_message_hint,
    });
    expect(q.state.length).toBeGreaterThanOrEqual(32);
    expect(q.nonce.length).toBeGreaterThanOrEqual(32);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lti_login_"))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/lti\//);
    // Over plain http a SameSite=None cookie would be dropped by browsers; over TLS it is None; Secure; Partitioned.
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("should accept a POST initiation and a POST to the authorization endpoint, and launch", async () => {
    const { me } = await launched({ sub: "post-user" }, { method: "POST", authMethod: "POST" });
    expect(me.role).toBe("LEARNER");
  });

  it("should refuse an initiation from an unregistered issuer, an unknown deployment, a foreign target_link_uri or without login_hint", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...platform.initiation(), iss: "https://evil.example" }, "lti/unknown_platform"],
      [{ ...platform.initiation(), client_id: "someone-else" }, "lti/unknown_platform"],
      [{ ...platform.initiation(), lti_deployment_id: "dep-unknown" }, "lti/unknown_deployment"],
      [{ ...platform.initiation(), target_link_uri: "https://evil.example/lessons/intro" }, "lti/bad_target_link"],
      [Object.fromEntries(Object.entries(platform.initiation()).filter(([k]) => k !== "login_hint")), "lti/missing_parameter"],
    ];
    for (const [init, code] of cases) {
      const res = await new Browser().request(`${loginUrl}?${new URLSearchParams(init)}`);
      expect(res.status, code).toBeGreaterThanOrEqual(400);
      expect(await res.text()).toContain(code);
      expect(res.headers.get("location")).toBeNull();
      expect(logs.some((l) => l.includes(code))).toBe(true);
    }
  });
});

describe("LTI resource link launch (LTI 1.3 §5.3–5.4)", () => {
  it("should open a session for the launched user, in a page only the registered platform may frame", async () => {
    const { flow, html, token, me, target } = await launched({ sub: "learner-a", name: "Amina Traoré" });
    expect(me).toMatchObject({ displayName: "Amina Traoré", role: "LEARNER" });
    expect(target).toBe("/lessons/intro");
    const csp = flow.launch!.headers.get("content-security-policy")!;
    expect(csp).toContain(`frame-ancestors ${new URL(platform.issuer).origin}`);
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(flow.launch!.headers.get("x-frame-options")).toBeNull();
    const sid = flow.launch!.headers.getSetCookie().find((c) => c.startsWith("sid="))!;
    expect(sid).toContain(encodeURIComponent(token));
    expect(sid).toMatch(/HttpOnly/);
    // The token is in the page for the client, never in a URL.
    expect(flow.launch!.url).not.toContain(token);
    expect(html).toContain('lang="ar" dir="rtl"');
    // Other pages of the site still refuse every frame.
    const other = await fetch(server.url);
    expect(other.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("should link users by (issuer, sub): the same sub is the same user, another sub with the same name and email is another", async () => {
    const first = await launched({ sub: "same-sub", claims: (c) => (c.email = "shared@example.test") });
    const again = await launched({ sub: "same-sub", claims: (c) => (c.email = "shared@example.test") });
    const other = await launched({ sub: "other-sub", claims: (c) => (c.email = "shared@example.test") });
    expect(again.me.id).toBe(first.me.id);
    expect(other.me.id).not.toBe(first.me.id);
    const links = await server.sql(`SELECT sub FROM lti_user WHERE "userId" = ?`, [first.me.id]);
    expect(links).toEqual([{ sub: "same-sub" }]);
    // A platform user has no password here: signing in with the generated email fails.
    const email = (await server.sql<{ email: string }>(`SELECT email FROM "user" WHERE id = ?`, [first.me.id]))[0].email;
    const signIn = await server.gql(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email, password: "lti$no-password" } });
    expect(signIn.body.errors?.[0].extensions?.code).toBe("auth/invalid_credentials");
  });

  it("should create the context's class on the first instructor launch, named from the context title, and make learners its members", async () => {
    const context = { id: "ctx-teach", title: "الساحل: الأمن والتعاون", label: "SAHEL" };
    const teacher = await launched({ sub: "teacher-1", roles: [ROLE.instructor], context });
    expect(teacher.me.role).toBe("INSTRUCTOR");
    const rooms = await server.sql<{ id: string; name: string; instructorId: string }>(`SELECT id, name, "instructorId" FROM classroom WHERE "instructorId" = ?`, [teacher.me.id]);
    expect(rooms).toHaveLength(1);
    expect(rooms[0].name).toBe(context.title);
    expect(teacher.target).toBe(`/lessons/intro`);
    const learner = await launched({ sub: "learner-ctx", roles: [ROLE.learner], context });
    expect(await classOf(learner.me.id)).toEqual([{ classroomId: rooms[0].id }]);
    // The instructor sees the learner in the class through the API.
    const classes = await server.gql<any>(`{ myClassrooms { id name } }`, {}, { authorization: `Bearer ${teacher.token}` });
    expect(classes.body.errors).toBeUndefined();
    expect(classes.body.data.myClassrooms).toEqual([{ id: rooms[0].id, name: context.title }]);
    // A second launch of the learner does not add them twice.
    await launched({ sub: "learner-ctx", roles: [ROLE.learner], context });
    expect(await classOf(learner.me.id)).toHaveLength(1);
  });

  it("should send an instructor launching the tool's root to the class dashboard", async () => {
    const context = { id: "ctx-root", title: "Root launch" };
    const teacher = await launched({ sub: "teacher-root", roles: [ROLE.administrator], context, targetLinkUri: server.url });
    const [room] = await server.sql<{ id: string }>(`SELECT id FROM classroom WHERE "instructorId" = ?`, [teacher.me.id]);
    expect(teacher.target).toBe(`/teach/classes/${room.id}`);
  });

  it("should give a class first launched by a learner to the first instructor, and make further instructors and teaching assistants co-instructors", async () => {
    const context = { id: "ctx-learner-first", title: "Learner first" };
    const learner = await launched({ sub: "early-learner", context });
    const [{ classroomId }] = await classOf(learner.me.id);
    const teacher = await launched({ sub: "late-teacher", roles: [ROLE.instructor], context });
    const [room] = await server.sql<{ instructorId: string; name: string }>(`SELECT "instructorId", name FROM classroom WHERE id = ?`, [classroomId]);
    expect(room).toEqual({ instructorId: teacher.me.id, name: "Learner first" });
    const ta = await launched({ sub: "assistant", roles: [ROLE.instructor, ROLE.teachingAssistant], context });
    expect(ta.me.role).toBe("INSTRUCTOR");
    const second = await launched({ sub: "second-teacher", roles: [ROLE.instructor], context });
    const teachers = async (id: string) => server.sql<{ classroomId: string }>(`SELECT "classroomId" FROM classroom_teacher WHERE "userId" = ?`, [id]);
    for (const co of [ta, second]) {
      // A co-instructor, not a member: teaches the class (its dashboard answers), is not on its roster.
      expect(await classOf(co.me.id)).toEqual([]);
      expect(await teachers(co.me.id)).toEqual([{ classroomId }]);
      const seen = await server.gql<any>(`query($id: ID!) { classroom(id: $id) { id myRole learnerCount } }`, { id: classroomId }, { authorization: `Bearer ${co.token}` });
      expect(seen.body.errors).toBeUndefined();
      expect(seen.body.data.classroom).toEqual({ id: classroomId, myRole: "CO_INSTRUCTOR", learnerCount: 1 });
    }
    // A second launch adds nothing twice.
    await launched({ sub: "assistant", roles: [ROLE.teachingAssistant], context });
    expect(await teachers(ta.me.id)).toHaveLength(1);
  });

  it("should bind the same context id in another deployment to another class, and launch without a context without a class", async () => {
    const context = { id: "ctx-shared-id", title: "Shared id" };
    const a = await launched({ sub: "dep-user", context, deploymentId: "dep-1" });
    const b = await launched({ sub: "dep-user", context, deploymentId: "dep-2" });
    expect(a.me.id).toBe(b.me.id);
    expect((await classOf(a.me.id)).length).toBe(2);
    const none = await launched({ sub: "no-context", context: null });
    expect(await classOf(none.me.id)).toEqual([]);
  });

  it("should bind a context anew when its class was deleted (its instructor deleted their account)", async () => {
    const context = { id: "ctx-deleted", title: "Deleted class" };
    const teacher = await launched({ sub: "leaving-teacher", roles: [ROLE.instructor], context });
    const [room] = await server.sql<{ id: string }>(`SELECT id FROM classroom WHERE "instructorId" = ?`, [teacher.me.id]);
    await server.sql(`DELETE FROM classroom WHERE id = ?`, [room.id]);
    const learner = await launched({ sub: "after-deletion", context });
    const [{ classroomId }] = await classOf(learner.me.id);
    expect(classroomId).not.toBe(room.id);
    expect(await server.sql(`SELECT name FROM classroom WHERE id = ?`, [classroomId])).toEqual([{ name: "Deleted class" }]);
  });
});
