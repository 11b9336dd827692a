// The process designer page (/Desain/Proses): bpmn-js modeler with the properties panel, Camunda properties and the
// Lapor group; drafts, validation and publishing go to the page's handlers. Read-only versions use the viewer.
import BpmnModeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import LaporPropertiesModule from './lapor-properties.jsx';
import { createProblemView } from './problems.js';
import { getJson, post } from './server.js';
import { newDiagram } from './new-diagram.js';
import { fitToFreeArea } from './fit.js';

// How long the coordinator may pause before the model is checked: long enough not to check half a drag.
const LIVE_CHECK_DELAY_MS = 600;

const $ = id => document.getElementById(id);

function status(text, kind = 'info') {
  const box = $('designer-status');
  box.className = `small mb-2 alert alert-${kind} py-1 px-2`;
  box.textContent = text;
}

function format(text, ...args) {
  return args.reduce((t, a, i) => t.replace(`{${i}}`, a), text);
}

function processIdOf(modeler) {
  const definitions = modeler.getDefinitions();
  return definitions?.rootElements?.find(e => e.$type === 'bpmn:Process')?.id ?? null;
}

async function start() {
  const data = JSON.parse($('designer-data').textContent);
  const t = data.texts;

  if (data.readOnly) {
    const viewer = new NavigatedViewer({ container: '#designer-canvas', moddleExtensions: { camunda: camundaModdle } });
    await open(viewer, data.xml, t);
    $('designer-export').addEventListener('click', () => download(viewer, data.key));
    return;
  }

  let agencies = [];
  try {
    agencies = await getJson(data.agenciesUrl);
  } catch (e) {
    status(format(t.RequestFailed, e.message), 'warning');
  }

  const modeler = new BpmnModeler({
    container: '#designer-canvas',
    propertiesPanel: { parent: '#designer-panel' },
    laporCatalogue: { agencies, texts: t },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      LaporPropertiesModule
    ],
    moddleExtensions: { camunda: camundaModdle }
  });
  window.laporDesigner = modeler;
  const problems = createProblemView(modeler, $('designer-problem-list'), $('designer-problems'), t);
  await open(modeler, data.xml ?? newDiagram, t);

  const xml = async () => (await modeler.saveXML({ format: true })).xml;
  const showRefusal = (result) => {
    const errors = result.json?.errors ?? [];
    problems.show(errors);
    status(errors.length ? format(t.Invalid, errors.length) : format(t.RequestFailed, result.status), 'danger');
  };

  // The model is checked as the coordinator edits, not only on "Validasi". Each check carries a number; an answer
  // that arrives after a newer check started is dropped, so a slow reply never shows problems already fixed.
  let checks = 0;
  const validate = async () => {
    const mine = ++checks;
    const result = await post('Validate', { xml: await xml() });
    if (mine !== checks) return;
    if (!result.ok) return showRefusal(result);
    const errors = result.json.errors;
    problems.show(errors);
    status(errors.length ? format(t.Invalid, errors.length) : t.Valid, errors.length ? 'danger' : 'success');
  };
  let pending = null;
  const validateSoon = () => {
    clearTimeout(pending);
    pending = setTimeout(() => validate().catch(e => status(format(t.RequestFailed, e.message), 'warning')), LIVE_CHECK_DELAY_MS);
  };

  // Unsaved edits are easy to lose in a browser tab: ask before leaving while there are any.
  let dirty = false;
  modeler.on('commandStack.changed', () => { dirty = true; validateSoon(); });
  window.addEventListener('beforeunload', event => { if (dirty) event.preventDefault(); });
  if (data.xml) validateSoon();

  // Saving or publishing says how it went; a live check scheduled or still running from the edits just before must
  // not overwrite that with "valid" once it answers (the browser test caught "versi 2" replaced that way).
  const settle = () => { clearTimeout(pending); checks++; };

  $('designer-save').addEventListener('click', async () => {
    settle();
    const key = processIdOf(modeler);
    if (!key) return status(t.NoProcess, 'danger');
    const result = await post('Draft', { key, xml: await xml() });
    if (!result.ok) return showRefusal(result);
    dirty = false;
    status(t.Saved, 'success');
    $('designer-key').textContent = key;
    if (data.key !== key) {
      data.key = key;
      window.history.replaceState(null, '', `/Desain/Proses/${encodeURIComponent(key)}`);
    }
  });

  $('designer-validate').addEventListener('click', () => { clearTimeout(pending); validate(); });

  $('designer-publish').addEventListener('click', async () => {
    settle();
    const result = await post('Publish', { xml: await xml(), comment: $('designer-comment').value });
    if (!result.ok) return showRefusal(result);
    dirty = false;
    problems.clear();
    $('designer-comment').value = '';
    status(format(t.Published, result.json.version, result.json.key), 'success');
  });

  $('designer-import').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (!file) return;
    problems.clear();
    if (await open(modeler, await file.text(), t)) validateSoon();
    event.target.value = '';
  });

  $('designer-export').addEventListener('click', () => download(modeler, processIdOf(modeler) ?? data.key));
}

async function open(diagram, xml, t) {
  // The server refuses DOCTYPEs on every path; saying so here keeps entity names from turning up as labels.
  if (/<!DOCTYPE/i.test(xml)) {
    status(t.ImportDoctype, 'danger');
    return false;
  }
  try {
    const { warnings } = await diagram.importXML(xml);
    fitToFreeArea(diagram);
    if (warnings.length) {
      console.warn('bpmn-js import warnings', warnings);
    }
    return true;
  } catch (e) {
    status(/no diagram to display/i.test(e.message) ? t.NoDiagram : format(t.ImportFailed, e.message), 'danger');
    return false;
  }
}

async function download(diagram, key) {
  const { xml } = await diagram.saveXML({ format: true });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  link.download = `${key || 'proses'}.bpmn`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

start();
