/** Small XML helpers shared by the item-bank exports (QTI, Moodle XML) and the QTI import. */
import { DOMParser } from "@xmldom/xmldom";
import type { Element as XmlElement } from "@xmldom/xmldom";

/** Text or attribute value escaped for XML (also drops characters XML 1.0 forbids). */
export function esc(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `<name a="b">…</name>` with escaped attributes; children are given as already-built XML. */
export function el(name: string, attrs: Record<string, string | number | boolean | undefined>, ...children: string[]): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
  return children.length === 0 ? `<${name}${a}/>` : `<${name}${a}>${children.join("")}</${name}>`;
}

/** Parses XML strictly: any well-formedness error throws with the parser's message. */
export function parseXml(text: string, what: string): XmlElement {
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") errors.push(message);
      },
    }).parseFromString(text, "text/xml");
  } catch (e) {
    errors.push((e as Error).message);
  }
  if (errors.length || !doc?.documentElement) throw new Error(`${what} is not well-formed XML: ${errors[0] ?? "no root element"}`);
  return doc.documentElement;
}

/** Element children of `parent` with this local name (any namespace). */
export function children(parent: XmlElement, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (localName === undefined || (n as XmlElement).localName === localName)) out.push(n as XmlElement);
  }
  return out;
}

/** Every descendant element with this local name, in document order. */
export function descendants(parent: XmlElement, localName: string): XmlElement[] {
  return Array.from(parent.getElementsByTagNameNS("*", localName));
}

export function first(parent: XmlElement, localName: string): XmlElement | undefined {
  return descendants(parent, localName)[0];
}
