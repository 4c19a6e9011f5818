import { safeCellText } from "../../data/text-rules";
import { SourceError, sourceProblem } from "../types";
import { ODataRow } from "./client";
import { say } from "../../text/message";
import { CBS } from "../../text/cbs";

/**
 * CBS's cells and metadata taken as data, not at face value: a count is a number or CBS's own
 * `null` (suppression), anything else is an error naming the cell; a title or description
 * passes the same text guard as every text the add-in writes, so odd metadata never blocks a pull.
 */

/** Longest title kept from CBS's metadata: a table title is a line, not a page. */
export const MAX_TITLE_LENGTH = 200;

/** A title from CBS as cell text: characters a file cannot hold dropped, spacing collapsed, cut at a word. */
export function metadataText(value: unknown, max = MAX_TITLE_LENGTH): string {
  const text = safeCellText(typeof value === "string" ? value : value === null || value === undefined ? "" : String(value)).replace(/\s+/g, " ");
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What a row is about, for a message: "Delft (GM0503), 2022, Nationaliteit 'Italiaans' (NAT9318)". */
export type CellDescriber = (row: ODataRow) => string;

/**
 * The count in a cell: a non-negative whole number, or null where CBS suppresses it. A string
 * (`"1234"`), a fraction or anything else is refused with the cell named: read as a suppression
 * it would silently take a municipality out of a ranking.
 */
export function countOf(row: ODataRow, measure: string, table: string, describe: CellDescriber): number | null {
  const value = row[measure];
  if (value === null) return null;
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
  const given = typeof value === "string" ? { text: metadataText(value, 40) } : value === undefined ? null : { json: metadataText(JSON.stringify(value), 40) };
  throw new SourceError([sourceProblem(`CBS ${table}`, say(CBS.notACount, { table, cell: describe(row), measure, given }))]);
}
