/** A test file whose tests need something absent here: run by ci-run.test.ts in a child jest. */
import { requirement } from "../../support/requirement";

const tool = requirement("the made-up tool", "not installed on this machine (fixture)");
tool.describe("tests that need the tool", () => {
  it("would pass if the tool were here", () => expect(1 + 1).toBe(2));
});
tool.it("one more test that needs it", () => expect(true).toBe(true));
it("a test that needs nothing", () => expect("a").toBe("a"));
