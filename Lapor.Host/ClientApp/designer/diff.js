// The version comparison page (/Desain/Proses/{key}/Beda): two read-only diagrams, with each changed element marked
// on the side where it exists (removed: older only; added: newer only; changed: both). The list below the diagrams
// is rendered by the server; this only colours the pictures.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

async function show(container, xml, changes, moved, side) {
  const viewer = new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  canvas.zoom('fit-viewport');
  for (const change of changes) {
    const onThisSide = change.kind === 'changed' || (change.kind === 'removed' ? side === 'older' : side === 'newer');
    if (onThisSide && registry.get(change.id)) {
      canvas.addMarker(change.id, `lapor-diff-${change.kind}`);
    }
  }
  // Only when the comparison was asked to show layout: the server sends no moved ids otherwise.
  for (const id of moved) {
    if (registry.get(id)) {
      canvas.addMarker(id, 'lapor-diff-moved');
    }
  }
  container.dataset.ready = 'true';
  return viewer;
}

async function start() {
  const data = JSON.parse(document.getElementById('diff-data').textContent);
  await Promise.all([
    show(document.getElementById('diff-older'), data.older, data.changes, [], 'older'),
    show(document.getElementById('diff-newer'), data.newer, data.changes, data.moved ?? [], 'newer')
  ]);
}

start().catch(e => {
  const box = document.getElementById('diff-older');
  box.textContent = e.message;
});
