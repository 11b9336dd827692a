// The decision table editor (/Desain/Keputusan/{key}): dmn-js opened on the table's decision view. Drafts, checking
// (debounced while editing) and publishing go to the page's JSON handlers; a published version opens read-only.
import DmnModeler from 'dmn-js/lib/Modeler';
import DmnViewer from 'dmn-js/lib/Viewer';

const $ = id => document.getElementById(id);
const token = () => document.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';

function format(text, ...args) {
  return args.reduce((t, a, i) => t.replace(`{${i}}`, a), text);
}

function status(text, kind = 'info') {
  const box = $('decision-status');
  box.className = `small mb-2 alert alert-${kind} py-1 px-2`;
  box.textContent = text;
  box.dataset.kind = kind;
}

async function post(handler, body) {
  const response = await fetch(`${window.location.pathname}?handler=${handler}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', RequestVerificationToken: token() },
    body: JSON.stringify(body),
    credentials: 'same-origin'
  });
  const json = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  return { ok: response.ok, status: response.status, json };
}

function showProblems(errors, t) {
  const section = $('decision-problems');
  const list = $('decision-problem-list');
  list.replaceChildren();
  section.hidden = errors.length === 0;
  for (const error of errors) {
    const item = document.createElement('li');
    item.className = 'list-group-item list-group-item-danger small';
    item.textContent = error.elementId ? `${error.elementId}: ${error.message}` : error.message;
    if (error.elementId) {
      item.dataset.elementId = error.elementId;
    }
    list.append(item);
  }
  if (errors.length > 0) {
    status(format(t.Invalid, errors.length), 'danger');
  }
}

// dmn-js opens the decision requirements diagram first when it can; coordinators edit tables, so open the table.
async function openTable(modeler) {
  const views = modeler.getViews();
  const table = views.find(v => v.type === 'decisionTable');
  if (table && modeler.getActiveView() !== table) {
    await modeler.open(table);
  }
}

async function start() {
  const data = JSON.parse($('decision-data').textContent);
  const t = data.texts;
  const container = $('decision-canvas');

  if (data.readOnly) {
    const viewer = new DmnViewer({ container });
    await viewer.importXML(data.xml);
    await openTable(viewer);
    return;
  }

  const modeler = new DmnModeler({ container, common: { keyboard: { bindTo: document } } });
  try {
    await modeler.importXML(data.xml);
    await openTable(modeler);
  } catch (error) {
    status(format(t.ImportFailed, error.message), 'danger');
    return;
  }

  const xml = async () => (await modeler.saveXML({ format: true })).xml;

  async function validate(quiet) {
    const result = await post('Validate', { key: data.key, xml: await xml() });
    if (!result.ok) {
      status(t.RequestFailed, 'danger');
      return false;
    }
    showProblems(result.json.errors, t);
    if (result.json.errors.length === 0 && !quiet) {
      status(t.Valid, 'success');
    }
    return result.json.errors.length === 0;
  }

  // Check as the coordinator edits, a moment after the last change, so a mistyped cell shows before publishing.
  let timer = null;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => validate(true), 800);
  };
  const listen = () => modeler.getActiveViewer()?.get('eventBus').on('commandStack.changed', changed);
  listen();
  modeler.on('views.changed', listen);

  $('decision-save').addEventListener('click', async () => {
    const result = await post('Draft', { key: data.key, xml: await xml() });
    if (result.ok) {
      status(t.Saved, 'success');
    } else {
      showProblems(result.json?.errors ?? [{ message: t.RequestFailed }], t);
    }
  });

  $('decision-validate').addEventListener('click', () => validate(false));

  $('decision-publish').addEventListener('click', async () => {
    const result = await post('Publish', { key: data.key, xml: await xml(), comment: $('decision-comment').value });
    if (result.ok) {
      showProblems([], t);
      status(format(t.Published, result.json.key, result.json.version), 'success');
      $('decision-comment').value = '';
    } else {
      showProblems(result.json?.errors ?? [{ message: t.RequestFailed }], t);
    }
  });

  $('decision-export').addEventListener('click', async () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([await xml()], { type: 'application/xml' }));
    link.download = `${data.key}.dmn`;
    link.click();
    URL.revokeObjectURL(link.href);
  });
}

start();
