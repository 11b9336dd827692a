// Opening a diagram: fit it into the part of the canvas nothing covers. bpmn-js's own fit-viewport uses the whole
// canvas, so the palette (drawn over the canvas' top-left corner) hid the start event, where a reader begins.

const PAD = 24;
const MAX_SCALE = 1;

export function fitToFreeArea(diagram) {
  const canvas = diagram.get('canvas');
  canvas.zoom('fit-viewport');
  const inner = canvas.viewbox().inner;
  const container = canvas.getContainer();
  const box = container.getBoundingClientRect();
  if (!inner.width || !inner.height || !box.width || !box.height) return;

  let left = PAD;
  const palette = container.querySelector('.djs-palette');
  if (palette && palette.offsetParent !== null) {
    left = Math.max(left, palette.getBoundingClientRect().right - box.left + PAD);
  }
  const width = box.width - left - PAD;
  const height = box.height - 2 * PAD;
  if (width <= 0 || height <= 0) return;

  const scale = Math.min(width / inner.width, height / inner.height, MAX_SCALE);
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - PAD / scale,
    width: box.width / scale,
    height: box.height / scale
  });
}
