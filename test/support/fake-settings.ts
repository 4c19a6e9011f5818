/**
 * Office's document settings (`Office.context.document.settings`) as Microsoft describes them:
 * values are kept in memory until `saveAsync`, which reports its outcome in an AsyncResult
 * (docs/develop/persisting-add-in-state-and-settings.md); settings "only support 2MB maximum"
 * (a Microsoft engineer in office-js #621; failures from about 1 MB are reported in #3957, the
 * fake fails above 2 MB). `failSaves` makes every save fail, as a full or read-only document does.
 */
export const SETTINGS_LIMIT = 2 * 1024 * 1024;

export class FakeSettings {
  private readonly values = new Map<string, unknown>();
  /** What a reopened document would find: the values as last saved. */
  readonly saved = new Map<string, unknown>();
  failSaves = false;
  saves = 0;

  get(name: string): unknown {
    return this.values.has(name) ? this.values.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.values.set(name, structuredClone(value));
  }
  remove(name: string): void {
    this.values.delete(name);
  }
  /**
   * A failure reports an Office.Error: a number, a name and a message in Office's language
   * (the Office.Error reference). Which code a failed settings save gives is not documented;
   * the fake answers 5001, "Internal Error" of the Common API error codes
   * (docs/reference/javascript-api-for-office-error-codes.md), so that the add-in is seen to
   * name the number and never show the message.
   */
  saveAsync(callback?: (result: { status: "succeeded" | "failed"; error?: { code: number; name: string; message: string } }) => void): void {
    this.saves++;
    const size = JSON.stringify(Object.fromEntries(this.values)).length;
    const fail = this.failSaves ? "The document could not be saved." : size > SETTINGS_LIMIT ? `Settings of ${size} bytes exceed the 2 MB limit.` : null;
    if (!fail) {
      this.saved.clear();
      for (const [k, v] of this.values) this.saved.set(k, structuredClone(v));
    }
    setTimeout(() => callback?.(fail ? { status: "failed", error: { code: 5001, name: "Internal Error", message: fail } } : { status: "succeeded" }), 0);
  }
  /** The document closed and opened again: only what was saved is there. */
  reopen(): void {
    this.values.clear();
    for (const [k, v] of this.saved) this.values.set(k, structuredClone(v));
  }
}
