// The auditor's instance viewer: bpmn-js NavigatedViewer (read-only) showing the exact definition version a case ran
// on, with the path taken, the tokens still waiting, per-node counts and incidents drawn from the page's JSON.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

function el(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

async function show(container, data) {
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(data.xml);
  } catch (error) {
    container.dataset.error = String(error && error.message || error);
    container.textContent = container.dataset.errorText || 'The diagram could not be drawn.';
    return;
  }
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  canvas.zoom('fit-viewport', 'auto');

  const has = (id) => !!registry.get(id);
  data.completed.filter(has).forEach((id) => canvas.addMarker(id, 'lapor-done'));
  data.flows.filter(has).forEach((id) => canvas.addMarker(id, 'lapor-taken'));
  data.active.filter(has).forEach((id) => canvas.addMarker(id, 'lapor-active'));

  Object.entries(data.counts).filter(([id]) => has(id)).forEach(([id, c]) => {
    const badge = el('div', 'lapor-count', `${c.entered}/${c.completed}/${c.waiting}`);
    badge.title = `${data.labels.entered} ${c.entered} · ${data.labels.completed} ${c.completed} · ${data.labels.waiting} ${c.waiting}`;
    badge.dataset.node = id;
    overlays.add(id, 'lapor-count', { position: { bottom: 4, right: 4 }, html: badge });
  });
  data.incidents.filter((i) => has(i.activityId)).forEach((i) => {
    const mark = el('div', 'lapor-incident' + (i.open ? ' open' : ''), '!');
    mark.title = i.message;
    mark.dataset.node = i.activityId;
    overlays.add(i.activityId, 'lapor-incident', { position: { top: -10, left: -10 }, html: mark });
  });
  container.dataset.ready = 'true';
}

const container = document.getElementById('instance-diagram');
const source = document.getElementById('instance-data');
if (container && source) {
  show(container, JSON.parse(source.textContent));
}
