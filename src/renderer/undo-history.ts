// One undo history for the meeting on screen: every save, edit, delete and attendance mark is a step
// that knows how to take itself back and do itself again, each through the ledger's own methods (so an
// undo is a real change, audited like any other). The toast names the step it undid: exactly that one.

export interface UndoStep {
  /** In the secretary's words, e.g. "deleted referral Dana Ruiz → Marcus Chen (Alvarez family)". */
  label: string;
  /** The reason given for an amendment, or '' in a draft; the step's own words when undone in a closed meeting. */
  undo: (reason: string) => Promise<unknown>;
  redo: (reason: string) => Promise<unknown>;
}

export type UndoOutcome = { done: 'undone' | 'redone'; step: UndoStep } | { done: 'nothing' } | { done: 'failed'; step: UndoStep; error: Error } | { done: 'busy' };

export class UndoHistory {
  private past: UndoStep[] = [];
  private future: UndoStep[] = [];
  private busy = false;

  /** A new change: it can be undone; what was undone before can no longer be redone. */
  record(step: UndoStep): void {
    this.past.push(step);
    this.future = [];
  }

  clear(): void {
    this.past = [];
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The step Ctrl+Z would undo (or the given one, if it can still be undone), without undoing it. */
  nextUndo(which?: UndoStep): UndoStep | null {
    if (which) return this.past.includes(which) ? which : null;
    return this.past[this.past.length - 1] ?? null;
  }

  /** The step Ctrl+Shift+Z would redo, without redoing it. */
  nextRedo(): UndoStep | null {
    return this.future[this.future.length - 1] ?? null;
  }

  /** Whether this step can still be undone (a toast's Undo button is only offered while it can). */
  canUndoStep(step: UndoStep): boolean {
    return this.past.includes(step);
  }

  /** Undoes the newest step, or the given one (a toast's Undo button) wherever it stands. */
  undo(reason: (step: UndoStep) => string, which?: UndoStep): Promise<UndoOutcome> {
    return this.move(this.past, this.future, 'undone', reason, which);
  }

  redo(reason: (step: UndoStep) => string): Promise<UndoOutcome> {
    return this.move(this.future, this.past, 'redone', reason);
  }

  private async move(from: UndoStep[], to: UndoStep[], done: 'undone' | 'redone', reason: (step: UndoStep) => string, which?: UndoStep): Promise<UndoOutcome> {
    // Ctrl+Z held down: one step at a time, each finished before the next starts.
    if (this.busy) return { done: 'busy' };
    const index = which ? from.indexOf(which) : from.length - 1;
    if (index < 0) return { done: 'nothing' };
    const step = from[index]!;
    this.busy = true;
    try {
      await (done === 'undone' ? step.undo(reason(step)) : step.redo(reason(step)));
      from.splice(index, 1);
      to.push(step);
      return { done, step };
    } catch (error) {
      return { done: 'failed', step, error: error as Error };
    } finally {
      this.busy = false;
    }
  }
}
