// @vitest-environment happy-dom
/**
 * The class dashboard's export dialog: the choices it offers (a quiz only when one is needed, the separator
 * only for CSV), the query it sends for each, and the file it saves, named after the class for the gradebook;
 * its labels in Arabic.
 */
import { flushPromises } from "@vue/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import ClassroomExportDialog from "../../client/src/components/classroom/ClassroomExportDialog.vue";
import { mountWith } from "./mount.js";

const sent: { operationName: string; variables: Record<string, unknown> }[] = [];
const saved: { name: string; type: string; bytes: number[] }[] = [];

beforeEach(() => {
  sent.length = 0;
  saved.length = 0;
  vi.stubGlobal("fetch", async (_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    sent.push(body);
    const field = { GradebookExport: "gradebookExport", ResponsesExport: "responsesExport", ItemBankExport: "itemBankExport" }[body.operationName]!;
    const file = { filename: "server-name.zip", contentType: "text/csv; charset=utf-8", base64: btoa("\xEF\xBB\xBFa;b\r\n") };
    return new Response(JSON.stringify({ data: { [field]: file } }), { status: 200, headers: { "content-type": "application/json" } });
  });
  let blob: Blob | null = null;
  URL.createObjectURL = (b: Blob) => ((blob = b), "blob:test");
  URL.revokeObjectURL = () => undefined;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(async function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, type: blob!.type, bytes: [...new Uint8Array(await blob!.arrayBuffer())] });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

const props = { open: true, classroomId: "c1", className: "Class 3B", quizzes: [{ id: "q-1", title: "Quiz one" }, { id: "q-2", title: "Quiz two" }] };

describe("the export dialog", () => {
  it("should download the gradebook as CSV with the chosen separator, named after the class", async () => {
    const w = mountWith(ClassroomExportDialog, props);
    await flushPromises();
    expect(w.find("[data-testid=export-quiz]").exists()).toBe(false); // the gradebook covers every quiz
    await w.find("[data-testid=export-separator-semicolon]").setValue(true);
    await w.find("form").trigger("submit");
    await flushPromises();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(sent.map((s) => s.operationName)).toEqual(["GradebookExport"]);
    expect(sent[0].variables).toMatchObject({ id: "c1", format: "CSV", separator: "SEMICOLON" });
    expect(saved[0].name).toMatch(/^Class-3B-gradebook-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(saved[0].bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(w.emitted("done")).toHaveLength(1);
  });

  it("should hide the separator for XLSX and name the workbook .xlsx", async () => {
    const w = mountWith(ClassroomExportDialog, props);
    await w.find("[data-testid=export-format-xlsx]").setValue(true);
    expect(w.find("[data-testid=export-separator-comma]").exists()).toBe(false);
    await w.find("form").trigger("submit");
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(sent[0].variables).toMatchObject({ format: "XLSX" });
    expect(saved[0].name).toMatch(/\.xlsx$/);
  });

  it("should ask for a quiz for raw responses and the item bank, and send the chosen one", async () => {
    const w = mountWith(ClassroomExportDialog, props);
    await w.find("[data-testid=export-kind-responses]").setValue(true);
    await w.find("[data-testid=export-quiz]").setValue("q-2");
    await w.find("form").trigger("submit");
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(sent[0]).toMatchObject({ operationName: "ResponsesExport", variables: { id: "c1", quizId: "q-2", format: "CSV", separator: "COMMA" } });
    await w.find("[data-testid=export-kind-items]").setValue(true);
    expect(w.find("[data-testid=export-format-csv]").exists()).toBe(false);
    await w.find("[data-testid=export-bank-moodle]").setValue(true);
    await w.find("form").trigger("submit");
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    expect(sent[1]).toMatchObject({ operationName: "ItemBankExport", variables: { quizId: "q-2", format: "MOODLE_XML" } });
    expect(saved[1].name).toBe("server-name.zip"); // the server's name for files that are not the class's gradebook
  });

  it("should speak Arabic in Arabic", () => {
    const w = mountWith(ClassroomExportDialog, props, "ar");
    expect(w.find("#export-title").text()).toBe("التصدير");
    expect(w.text()).toContain("فاصلة منقوطة");
  });
});
