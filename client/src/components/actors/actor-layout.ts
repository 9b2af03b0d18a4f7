/**
 * Where each actor sits on the map: on a circle, in content order, the first at the top, going clockwise in
 * a left-to-right page and anticlockwise in a right-to-left one (so reading order follows the page's
 * direction). Pure, so it is tested on its own.
 */
export const MAP_SIZE = 600;
const RADIUS = 220;

export function circleLayout(ids: readonly string[], rtl: boolean): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  const c = MAP_SIZE / 2;
  ids.forEach((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, ids.length);
    const dx = Math.cos(angle) * RADIUS;
    out.set(id, { x: Math.round(c + (rtl ? -dx : dx)), y: Math.round(c + Math.sin(angle) * RADIUS) });
  });
  return out;
}

/** Keyboard zoom and pan: the new view after a key, or null when the key is not one of the map's. */
export interface View {
  zoom: number;
  x: number;
  y: number;
}
export const HOME: View = { zoom: 1, x: 0, y: 0 };
const STEP = 40;

export function viewAfterKey(view: View, key: string): View | null {
  const clampZoom = (z: number) => Math.min(3, Math.max(0.5, Math.round(z * 100) / 100));
  switch (key) {
    case "+":
    case "=":
      return { ...view, zoom: clampZoom(view.zoom * 1.25) };
    case "-":
    case "_":
      return { ...view, zoom: clampZoom(view.zoom / 1.25) };
    case "0":
    case "Home":
      return { ...HOME };
    case "ArrowLeft":
      return { ...view, x: view.x + STEP };
    case "ArrowRight":
      return { ...view, x: view.x - STEP };
    case "ArrowUp":
      return { ...view, y: view.y + STEP };
    case "ArrowDown":
      return { ...view, y: view.y - STEP };
    default:
      return null;
  }
}
