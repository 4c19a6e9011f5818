/**
 * Ribbon commands. In the shared runtime the task pane's page is loaded with the workbook
 * (lifetime "long"), so the "Regenerate sheets & charts" button works without opening the pane
 * and reuses the pane's action: its progress and report land in the pane, which opens only
 * when something needs the user's attention.
 */
export interface CommandHandlers {
  /** Regenerates; resolves to true when the user should look at the outcome (problems, clashes). */
  regenerate: () => Promise<boolean>;
}

export const REGENERATE_ACTION = "regenerateSheets";

export function registerCommands(handlers: CommandHandlers): void {
  if (typeof Office === "undefined" || !Office.actions) return; // preview outside Excel
  Office.actions.associate(REGENERATE_ACTION, async (event: Office.AddinCommands.Event) => {
    try {
      if (await handlers.regenerate()) await Office.addin.showAsTaskpane();
    } finally {
      event.completed();
    }
  });
}
