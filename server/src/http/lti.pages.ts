/**
 * The pages of an LTI launch, server-rendered (the browser arrives by a form post from the platform). The
 * error page speaks Arabic first (dir=rtl), then English (dir=ltr), names the error's code for support, and
 * never echoes what the request carried. The launched page is the built client's index.html with the session
 * token and the target route in <meta> tags (client/src/lti-launch.ts reads and removes them), or, without a
 * built client, a small bilingual page with the same tags.
 */
import type { LtiErrorCode } from "../lti/lti-errors.js";
import { LTI_ERRORS } from "../lti/lti-errors.js";
import { createHash } from "node:crypto";
import { policy } from "./security-headers.js";

/** For text and double-quoted attributes. */
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** frame-ancestors naming the given origins ('none' when there are none). */
export const framedBy = (origins: readonly string[]) => policy({ "frame-ancestors": origins.length ? origins.join(" ") : "'none'" });

export function errorPage(code: LtiErrorCode): { html: string } {
  const e = LTI_ERRORS[code];
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>تعذّر فتح النشاط · The activity could not be opened</title></head>
<body>
<main>
<section lang="ar" dir="rtl">
<h1>تعذّر فتح النشاط</h1>
<p>${escape(e.ar)}</p>
<p>رمز الخطأ: <code dir="ltr">${escape(code)}</code></p>
</section>
<hr>
<section lang="en" dir="ltr">
<h1>The activity could not be opened</h1>
<p>${escape(e.en)}</p>
<p>Error code: <code>${escape(code)}</code></p>
</section>
</main>
</body>
</html>
`;
  return { html };
}

export function launchPage(opts: { token: string; target: string; index?: string }): { html: string; policy: (frameOrigins: readonly string[]) => string } {
  const meta = `<meta name="lti-session" content="${escape(opts.token)}"><meta name="lti-target" content="${escape(opts.target)}">`;
  const html = opts.index
    ? opts.index.replace(/<head>/i, `<head>${meta}`)
    : `<!doctype html>
<html lang="ar" dir="rtl">
<head>${meta}<meta charset="utf-8"><title>تم الدخول · Signed in</title></head>
<body>
<main>
<p lang="ar" dir="rtl">تم الدخول من منصة التعلم. <a href="${escape(opts.target)}">افتح الدرس</a></p>
<p lang="en" dir="ltr">Signed in from the learning platform. <a href="${escape(opts.target)}">Open the course</a></p>
</main>
</body>
</html>
`;
  return { html, policy: framedBy };
}

/** Dynamic Registration §3.7: tells the platform that opened the registration that it may close it. */
const CLOSE_SCRIPT = `(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");`;
const CLOSE_HASH = `'sha256-${createHash("sha256").update(CLOSE_SCRIPT).digest("base64")}'`;

export function registeredPage(hasDeployment: boolean): { html: string; policy: (frameOrigins: readonly string[]) => string } {
  const pending = hasDeployment
    ? ""
    : `<p lang="ar" dir="rtl">لم ترسل المنصة معرّف النشر بعد: أضفه بالأمر npm run lti:register.</p><p lang="en" dir="ltr">The platform sent no deployment id yet: add it with npm run lti:register.</p>`;
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>سُجّلت الأداة · The tool is registered</title></head>
<body>
<main>
<p lang="ar" dir="rtl">سُجّلت الأداة لدى منصة التعلم.</p>
<p lang="en" dir="ltr">The tool is registered with the learning platform.</p>
${pending}
</main>
<script>${CLOSE_SCRIPT}</script>
</body>
</html>
`;
  return {
    html,
    // Any https parent may frame this page: it has no control to click and shows only that the registration is
    // done, and the platform's admin page that frames it can live on another origin than the issuer and the
    // authorization URL (hosted Canvas: <school>.instructure.com for the issuer canvas.instructure.com); if it
    // were refused, the close message would never reach the platform and its dialog would stay open.
    policy: (origins) => policy({ "script-src": CLOSE_HASH, "frame-ancestors": ["https:", ...origins].join(" ") }),
  };
}

/**
 * Deep Linking 2.0: the picker an instructor sees in the platform's frame: the course, each lesson and each quiz,
 * titles in both languages, in a plain form (no script) that posts to /lti/deep-link with the signed state.
 */
export function deepLinkPickerPage(opts: {
  state: string;
  multiple: boolean;
  locale: "AR" | "EN";
  choices: { id: string; kind: "course" | "lesson" | "quiz"; title: { ar: string; en: string } }[];
}): { html: string; policy: (frameOrigins: readonly string[]) => string } {
  const type = opts.multiple ? "checkbox" : "radio";
  const groups: [string, string, string][] = [
    ["course", "المقرر", "Course"],
    ["lesson", "الدروس", "Lessons"],
    ["quiz", "الاختبارات", "Quizzes"],
  ];
  const fieldsets = groups
    .map(([kind, ar, en]) => {
      const rows = opts.choices
        .filter((c) => c.kind === kind)
        .map(
          (c, i) =>
            `<li><label><input type="${type}" name="item" value="${escape(c.id)}"${!opts.multiple && kind === "course" && i === 0 ? " checked" : ""}> <span lang="ar" dir="rtl">${escape(c.title.ar)}</span> · <span lang="en" dir="ltr">${escape(c.title.en)}</span></label></li>`,
        )
        .join("\n");
      return `<fieldset><legend><span lang="ar">${ar}</span> · <span lang="en" dir="ltr">${en}</span></legend><ul>\n${rows}\n</ul></fieldset>`;
    })
    .join("\n");
  const lang = opts.locale === "EN" ? `lang="en" dir="ltr"` : `lang="ar" dir="rtl"`;
  const html = `<!doctype html>
<html ${lang}>
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>اختيار المحتوى · Choose content</title></head>
<body>
<main>
<h1><span lang="ar" dir="rtl">اختيار ما يُضاف إلى المنصة</span> · <span lang="en" dir="ltr">Choose what to add to the platform</span></h1>
<form method="post" action="/lti/deep-link">
<input type="hidden" name="state" value="${escape(opts.state)}">
${fieldsets}
<p><button type="submit"><span lang="ar">إضافة</span> · <span lang="en" dir="ltr">Add</span></button></p>
</form>
</main>
</body>
</html>
`;
  return { html, policy: framedBy };
}

const AUTO_POST = `document.forms[0].submit();`;
const AUTO_POST_HASH = `'sha256-${createHash("sha256").update(AUTO_POST).digest("base64")}'`;

/** Deep Linking 2.0 §4.5: the response JWT auto-posted (form field JWT) to the platform's deep_link_return_url. */
export function deepLinkReturnPage(returnUrl: string, jwt: string): { html: string; policy: (frameOrigins: readonly string[]) => string } {
  const html = `<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>يُرسل الاختيار · Sending the selection</title></head>
<body>
<form method="post" action="${escape(returnUrl)}"><input type="hidden" name="JWT" value="${escape(jwt)}">
<noscript><button type="submit"><span lang="ar">متابعة</span> · <span lang="en" dir="ltr">Continue</span></button></noscript></form>
<script>${AUTO_POST}</script>
</body>
</html>
`;
  return {
    html,
    policy: (origins) => policy({ "script-src": AUTO_POST_HASH, "form-action": new URL(returnUrl).origin, "frame-ancestors": origins.length ? origins.join(" ") : "'none'" }),
  };
}
