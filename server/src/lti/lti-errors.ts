/**
 * Why an LTI login or launch was refused. These are not GraphQL errors (the browser reaches the tool by a form
 * post from the platform, not through the client), so they live here, each with its HTTP status and its
 * message in Arabic and English for the error page (http/lti.pages.ts); the code and a detail are logged.
 */
export const LTI_ERRORS = {
  "lti/missing_parameter": { status: 400, ar: "ينقص الطلبَ وسيطٌ مطلوب من منصة التعلم.", en: "The request from the learning platform lacks a required parameter." },
  "lti/unknown_platform": { status: 401, ar: "منصة التعلم هذه غير مسجلة لدى الأداة.", en: "This learning platform is not registered with the tool." },
  "lti/unknown_deployment": { status: 401, ar: "نشر الأداة هذا غير مسجل لدى الأداة.", en: "This deployment of the tool is not registered." },
  "lti/bad_target_link": { status: 400, ar: "رابط الوجهة لا يشير إلى هذه الأداة أو لا يطابق رابط بدء الدخول.", en: "The target link does not point at this tool or does not match the login's." },
  "lti/state_unknown": { status: 401, ar: "جلسة الدخول هذه غير معروفة أو انتهت مدتها. افتح النشاط من المنصة مرة أخرى.", en: "This login is unknown or has expired. Open the activity from the platform again." },
  "lti/state_mismatch": { status: 401, ar: "بدأ الدخول في متصفح آخر أو حُظرت ملفات تعريف الارتباط. افتح النشاط في نافذة جديدة.", en: "The login started in another browser, or cookies are blocked. Open the activity in a new window." },
  "lti/replayed": { status: 401, ar: "استُخدم رمز الدخول هذا من قبل (رمز nonce مكرر).", en: "This login token was already used (replayed nonce)." },
  "lti/nonce_mismatch": { status: 401, ar: "رمز nonce في رمز الهوية لا يطابق رمز الدخول.", en: "The id_token's nonce does not match this login." },
  "lti/bad_algorithm": { status: 401, ar: "رمز الهوية غير موقّع بخوارزمية RS256.", en: "The id_token is not signed with RS256." },
  "lti/unknown_kid": { status: 401, ar: "مفتاح توقيع رمز الهوية غير موجود في مفاتيح المنصة.", en: "The id_token's signing key is not among the platform's keys." },
  "lti/bad_signature": { status: 401, ar: "توقيع رمز الهوية غير صحيح.", en: "The id_token's signature is not valid." },
  "lti/wrong_issuer": { status: 401, ar: "مُصدِر رمز الهوية ليس المنصة التي بدأت الدخول.", en: "The id_token's issuer is not the platform that started the login." },
  "lti/wrong_audience": { status: 401, ar: "رمز الهوية لم يصدر لهذه الأداة (aud أو azp).", en: "The id_token was not issued to this tool (aud or azp)." },
  "lti/expired": { status: 401, ar: "انتهت صلاحية رمز الهوية. افتح النشاط من المنصة مرة أخرى.", en: "The id_token has expired. Open the activity from the platform again." },
  "lti/bad_time": { status: 401, ar: "وقت إصدار رمز الهوية غير مقبول.", en: "The id_token's issue time is not acceptable." },
  "lti/missing_claim": { status: 400, ar: "ينقص رمزَ الهوية ادعاءٌ مطلوب.", en: "The id_token lacks a required claim." },
  "lti/bad_version": { status: 400, ar: "إصدار LTI في رمز الهوية ليس 1.3.0.", en: "The id_token's LTI version is not 1.3.0." },
  "lti/unsupported_message": { status: 400, ar: "نوع رسالة LTI هذا غير مدعوم.", en: "This LTI message type is not supported." },
  "lti/not_instructor": { status: 403, ar: "اختيار المحتوى للمنصة متاح للمدرّسين فقط.", en: "Only instructors may pick content for the platform." },
  "lti/deep_link_expired": { status: 400, ar: "انتهت مهلة اختيار المحتوى. يُرجى فتح الاختيار من المنصة مرة أخرى.", en: "The content selection has expired. Open the selection from the platform again." },
  "lti/registration_refused": { status: 400, ar: "تعذّر تسجيل الأداة لدى المنصة. اطلب رابط تسجيل جديدًا من مسؤول الأداة.", en: "The tool could not be registered with the platform. Ask the tool's administrator for a new registration link." },
  "lti/unavailable": { status: 503, ar: "تعذّر الوصول إلى مفاتيح المنصة الآن. حاول بعد قليل.", en: "The platform's keys could not be fetched right now. Try again shortly." },
} as const;

export type LtiErrorCode = keyof typeof LTI_ERRORS;

export class LtiError extends Error {
  constructor(
    readonly code: LtiErrorCode,
    /** For the log (which claim, which value); not shown to the user beyond the claim name. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }

  get status(): number {
    return LTI_ERRORS[this.code].status;
  }
}
