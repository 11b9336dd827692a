// Shows the server's validation problems on their elements (marker + badge) and in the list below the diagram. The
// server names each element as people know it (step name); the id stays in the tooltip, and a click selects the
// element. Elements cut off by a problem (the steps after a missing flow) are folded under it.

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

function focusOn(modeler, id) {
  const element = modeler.get('elementRegistry').get(id);
  if (!element) return;
  modeler.get('selection').select(element);
  modeler.get('canvas').scrollToElement(element);
}

function selectable(node, modeler, id) {
  node.role = 'button';
  node.tabIndex = 0;
  node.addEventListener('click', () => focusOn(modeler, id));
  node.addEventListener('keydown', e => { if (e.key === 'Enter') focusOn(modeler, id); });
}

function nameOf(modeler, id, fallback) {
  return fallback || modeler.get('elementRegistry').get(id)?.businessObject?.name || id;
}

function listItem(problem, element, modeler, texts) {
  const item = document.createElement('li');
  item.className = 'list-group-item list-group-item-danger small';
  item.dataset.elementId = problem.elementId ?? '';
  const where = document.createElement('strong');
  where.className = 'lapor-problem-element';
  if (problem.elementId) {
    where.textContent = nameOf(modeler, problem.elementId, problem.elementName);
    where.title = `${texts.Element} ${problem.elementId}`;
  } else {
    where.textContent = texts.Process;
  }
  const message = document.createElement('span');
  message.className = 'lapor-problem-message';
  message.textContent = problem.message;
  item.append(where, document.createTextNode(': '), message);
  if (element) {
    selectable(item, modeler, element.id);
  }
  const cut = problem.consequences ?? [];
  if (cut.length) {
    const details = document.createElement('details');
    details.className = 'lapor-problem-consequences mt-1';
    const summary = document.createElement('summary');
    summary.textContent = texts.CutOff.replace('{0}', String(cut.length));
    const steps = document.createElement('ul');
    steps.className = 'mb-0';
    for (const step of cut) {
      const li = document.createElement('li');
      li.dataset.elementId = step.id;
      li.title = `${texts.Element} ${step.id}`;
      li.textContent = nameOf(modeler, step.id, step.name);
      selectable(li, modeler, step.id);
      steps.append(li);
    }
    // Opening the list must not also select the element of the problem itself.
    details.addEventListener('click', e => e.stopPropagation());
    details.append(summary, steps);
    item.append(details);
  }
  return item;
}
