/**
 * The instructor's downloads: a class's gradebook (CSV with a chosen separator, or XLSX), a quiz's raw
 * responses, and a quiz's items as QTI 3.0 or Moodle XML. The server sends each file's bytes in base64; they
 * become a Blob and a download named after the class (gradebook) or the server's suggestion.
 */
import { ref } from "vue";
import { graphql } from "../gql/index.js";
import type { CsvSeparator, ItemBankFormat, SheetFormat } from "../gql/graphql.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";
import { urqlClient } from "../urql.js";
import { gradebookFileName } from "./useClassDashboard.js";

const GradebookExportQuery = graphql(`
  query GradebookExport($id: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {
    gradebookExport(classroomId: $id, format: $format, separator: $separator, locale: $locale) {
      filename
      contentType
      base64
    }
  }
`);

const ResponsesExportQuery = graphql(`
  query ResponsesExport($id: ID!, $quizId: ID!, $format: SheetFormat!, $separator: CsvSeparator!, $locale: Locale!) {
    responsesExport(classroomId: $id, quizId: $quizId, format: $format, separator: $separator, locale: $locale) {
      filename
      contentType
      base64
    }
  }
`);

const ItemBankExportQuery = graphql(`
  query ItemBankExport($quizId: ID!, $format: ItemBankFormat!) {
    itemBankExport(quizId: $quizId, format: $format) {
      filename
      contentType
      base64
    }
  }
`);

export type ExportKind = "GRADEBOOK" | "RESPONSES" | "ITEM_BANK";

export interface ExportChoice {
  kind: ExportKind;
  format: SheetFormat;
  separator: CsvSeparator;
  quizId: string;
  bank: ItemBankFormat;
}

interface ExportFile {
  filename: string;
  contentType: string;
  base64: string;
}

/** Starts a download of the given bytes. */
function save(file: ExportFile, name: string): void {
  const bytes = Uint8Array.from(atob(file.base64), (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL; it can go once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExports() {
  const busy = ref(false);

  async function download(classroomId: string, className: string, choice: ExportChoice): Promise<AppErrorInfo | null> {
    busy.value = true;
    try {
      const locale = gqlLocale.value;
      const r =
        choice.kind === "GRADEBOOK"
          ? await urqlClient.query(GradebookExportQuery, { id: classroomId, format: choice.format, separator: choice.separator, locale }, { requestPolicy: "network-only" }).toPromise()
          : choice.kind === "RESPONSES"
            ? await urqlClient.query(ResponsesExportQuery, { id: classroomId, quizId: choice.quizId, format: choice.format, separator: choice.separator, locale }, { requestPolicy: "network-only" }).toPromise()
            : await urqlClient.query(ItemBankExportQuery, { quizId: choice.quizId, format: choice.bank }, { requestPolicy: "network-only" }).toPromise();
      const data = r.data as Record<string, ExportFile | undefined> | undefined;
      const file = data ? Object.values(data)[0] : undefined;
      if (!file) return errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" };
      const name = choice.kind === "GRADEBOOK" ? gradebookFileName(className, new Date()).replace(/\.csv$/, choice.format === "XLSX" ? ".xlsx" : ".csv") : file.filename;
      save(file, name);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, download };
}
