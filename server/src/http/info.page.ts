/** The page at / while no client has been built: what the API offers, in Arabic and English. */
export function infoPage(): string {
  return `<!doctype html>
<html dir="rtl" lang="ar">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>مقرر التعاون العسكري بين مالي والمغرب — واجهة البرمجة</title>
<style>body{font-family:system-ui,sans-serif;max-inline-size:46rem;margin-inline:auto;padding:1rem;line-height:1.7}
code,pre{direction:ltr;unicode-bidi:isolate;background:#f3f3f3;padding:.1rem .3rem}pre{padding:.6rem;overflow:auto}</style></head>
<body>
<main>
<h1>مقرر: التعاون العسكري بين مالي والمغرب والتنافس المغربي الجزائري في الساحل</h1>
<p>الخادم يعمل. لم تُبنَ واجهة المتعلّم بعد؛ أما واجهة GraphQL فمتاحة على <code>/graphql</code>:
الدروس والاختبارات بالعربية (الافتراضية) والإنجليزية.</p>
<pre>{ course(locale: AR) { title lessons { slug title quiz { id } } } }</pre>
<section lang="en" dir="ltr">
<h2>Course: Mali–Morocco military cooperation and the Morocco–Algeria rivalry in the Sahel</h2>
<p>The server is running. The learner's web client has not been built yet; the GraphQL API is at
<code>/graphql</code>: lessons and quizzes in Arabic (the default) and English.</p>
<pre>{ course(locale: EN) { title lessons { slug title quiz { id } } } }</pre>
</section>
</main>
</body>
</html>`;
}
