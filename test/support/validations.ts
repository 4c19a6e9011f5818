import * as packageModule from "../../src/data/package";

/** How often the monitor tables are validated whole while `work` runs: at once, or in slices. */
export async function validations<T>(work: () => Promise<T>): Promise<{ result: T; count: number; inSlices: number }> {
  const whole = jest.spyOn(packageModule, "parsePackageTables");
  const sliced = jest.spyOn(packageModule, "parsePackageTablesInSlices");
  try {
    const result = await work();
    return { result, count: whole.mock.calls.length + sliced.mock.calls.length, inSlices: sliced.mock.calls.length };
  } finally {
    whole.mockRestore();
    sliced.mockRestore();
  }
}
