/** What attempting a coordination step gives: its effect happened (go on), or the task now waits. */
export const DONE = 0;
export const BLOCKED = 1;
