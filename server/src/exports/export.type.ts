/** GraphQL types of the exports: a file to download (bytes in base64, so that XLSX and zip travel as JSON). */
import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum SheetFormat {
  CSV = "CSV",
  XLSX = "XLSX",
}
registerEnumType(SheetFormat, { name: "SheetFormat", description: "CSV (UTF-8 with BOM) or XLSX (Excel workbook)." });

export enum CsvSeparator {
  COMMA = "COMMA",
  SEMICOLON = "SEMICOLON",
}
registerEnumType(CsvSeparator, {
  name: "CsvSeparator",
  description: "COMMA: cells split by `,`, decimals with `.`. SEMICOLON: cells split by `;`, decimals with `,` (French- and Arabic-locale spreadsheets).",
});

export enum ItemBankFormat {
  QTI3 = "QTI3",
  MOODLE_XML = "MOODLE_XML",
}
registerEnumType(ItemBankFormat, { name: "ItemBankFormat", description: "QTI3: an IMS content package (zip) of QTI 3.0 items. MOODLE_XML: Moodle's question import format." });

@ObjectType({ description: "An exported file: its suggested name, media type and bytes (base64)." })
export class ExportFile {
  @Field(() => String)
  filename: string;

  @Field(() => String)
  contentType: string;

  @Field(() => String, { description: "The file's bytes, base64-encoded." })
  base64: string;
}
