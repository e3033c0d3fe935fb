// What a dragged visit carries from its block (or the unassigned list) to the row it is dropped on.
export const VISIT_DRAG_TYPE = 'application/x-dispatch-visit';

export type DraggedVisit = { visitId: string; label: string };

export function encodeDraggedVisit(visit: DraggedVisit): string {
  return JSON.stringify(visit);
}

export function decodeDraggedVisit(text: string): DraggedVisit | null {
  try {
    const value = JSON.parse(text) as Partial<DraggedVisit>;
    return typeof value.visitId === 'string' && typeof value.label === 'string' ? { visitId: value.visitId, label: value.label } : null;
  } catch {
    return null;
  }
}
