// Shows the server's validation problems on their elements (marker + badge) and in the list below the diagram.

const MARKER = 'lapor-invalid';
const OVERLAY = 'lapor-error';

export function createProblemView(modeler, list, section, texts) {
  let marked = [];

  function clear() {
    const canvas = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    marked.forEach(id => canvas.removeMarker(id, MARKER));
    overlays.remove({ type: OVERLAY });
    marked = [];
    list.replaceChildren();
    section.hidden = true;
  }

  function show(problems) {
    clear();
    const registry = modeler.get('elementRegistry');
    const canvas = modeler.get('canvas');
    const overlays = modeler.get('overlays');
    const byElement = new Map();
    for (const problem of problems) {
      const element = problem.elementId ? registry.get(problem.elementId) : null;
      if (element) {
        const messages = byElement.get(element) ?? [];
        messages.push(problem.message);
        byElement.set(element, messages);
      }
      list.append(listItem(problem, element, modeler, texts));
    }
    for (const [element, messages] of byElement) {
      canvas.addMarker(element.id, MARKER);
      marked.push(element.id);
      const badge = document.createElement('div');
      badge.className = 'lapor-error-badge';
      badge.dataset.elementId = element.id;
      badge.textContent = String(messages.length);
      badge.title = messages.join('\n');
      overlays.add(element.id, OVERLAY, { position: { top: -10, right: 10 }, html: badge });
    }
    section.hidden = problems.length === 0;
  }

  return { show, clear };
}

function listItem(problem, element, modeler, texts) {
  const item = document.createElement('li');
  item.className = 'list-group-item list-group-item-danger small';
  item.dataset.elementId = problem.elementId ?? '';
  const where = document.createElement('strong');
  where.textContent = problem.elementId ? `${texts.Element} ${problem.elementId}: ` : `${texts.Process}: `;
  item.append(where, document.createTextNode(problem.message));
  if (element) {
    item.role = 'button';
    item.tabIndex = 0;
    const focus = () => {
      modeler.get('selection').select(element);
      modeler.get('canvas').scrollToElement(element);
    };
    item.addEventListener('click', focus);
    item.addEventListener('keydown', e => { if (e.key === 'Enter') focus(); });
  }
  return item;
}
