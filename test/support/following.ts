import { TABLE_NAMES } from "../../src/data/package";
import { FollowedData, Runner, WorkbookFollower } from "../../src/excel/follow";
import { functionsLink } from "../../src/taskpane/functions-link";
import { fakeRun, WorkbookModel } from "./fake-excel";
import { asExcel, edition, tableNamed } from "./workbooks";

/** One state the pane was told, and how: by a read of the tables, or after an edit of them. */
export interface Told {
  data: FollowedData;
  how: "read" | "edit";
}

/**
 * The pane following `model`'s monitor tables as on opening (src/taskpane/excel-actions.ts,
 * followWorkbook), on the fake: the MONITOR functions first forget what they had (a workbook
 * just opened: they know nothing yet), then a WorkbookFollower hands every state it reads to
 * them through functionsLink. Every state is recorded (`states`, and with how it came in
 * `told`); `syncs()` counts the round trips of all the follower's Excel.run calls. `hadData`: the
 * workbook says it had MonitorData (a pull remembered). Nothing is read until the test asks.
 */
export function paneFollowing(model: WorkbookModel, api: { forgetData(): void }, hadData: () => boolean = () => false) {
  api.forgetData();
  let syncs = 0;
  const run: Runner = async (body) => {
    const { result, syncs: n } = await fakeRun(model, (context) => body(asExcel(context)));
    syncs += n;
    return result;
  };
  const states: FollowedData[] = [];
  const told: Told[] = [];
  const tell = functionsLink(() => edition);
  const follower = new WorkbookFollower(run, edition, (data, how) => (tell(data), states.push(data), told.push({ data, how })), undefined, undefined, hadData);
  return { follower, states, told, syncs: () => syncs };
}

/** Where a count of inhabitants sits in MonitorData: (row, column) on its sheet of the Waarde cell of `group`'s first row in `period`. */
export function waardeCell(model: WorkbookModel, group: string, period = 2022): { row: number; column: number } {
  const table = tableNamed(model, TABLE_NAMES.observations);
  if (!table) throw new Error("no MonitorData");
  const index = table.sheet.values(table.box).findIndex((r) => r[1] === "inwoners" && r[3] === group && r[5] === String(period));
  if (index < 1) throw new Error(`no figure of ${group} in ${period}`);
  return { row: table.box.row + index, column: table.box.column + 6 };
}
